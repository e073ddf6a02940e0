// Each flow's body against the reference's field table (what is present, per capability), and the
// Messenger context per placement.
import assert from 'node:assert/strict';
import type { Me } from '../../../src/api/me';
import { inputValuesOf, type CanvasObject } from '../../../src/canvasKit/canvas';
import { connectedContext, sampleContext } from '../../../src/canvasKit/context';
import type { Placement } from '../../../src/canvasKit/flows';
import {
  configureBody, initializeBody, liveCanvasBody, messengerContext, openSheetForm, submitBody, submitSheetBody, type Interaction,
} from '../../../src/canvasKit/requests';
import { decryptSheetUser } from '../../../src/canvasKit/sheetUser';

const context = sampleContext();
const MESSENGER: Placement[] = ['home', 'conversation', 'message', 'operator'];
const canvas: CanvasObject = { content: { components: [{ type: 'input', id: 'email' }] }, stored_data: { step: 2 } };
const click: Interaction = { currentCanvas: canvas, componentId: 'book', inputValues: { email: 'h@hogwarts.example' } };
const keys = (body: object) => Object.keys(body).sort();
const sorted = (...names: string[]) => [...names].sort();
const WORKSPACE = ['workspace_id', 'workspace_region'];
const INTERACTION = ['component_id', 'current_canvas', 'input_values'];

suite('canvas kit: request bodies per flow and placement', () => {
  test('Messenger context: location per placement, conversation_id only in a conversation, locale and colours', () => {
    assert.deepEqual(messengerContext(context, 'home'), {
      location: 'home', locale: 'en', messenger_action_colour: '#1f8ceb', messenger_background_colour: '#ffffff', referrer: 'http://localhost:3000/pricing',
    });
    assert.equal(messengerContext(context, 'conversation').conversation_id, 2671);
    assert.equal(messengerContext(context, 'message').location, 'message');
    assert.equal(messengerContext(context, 'operator').location, 'operator');
    for (const placement of ['home', 'message', 'operator'] as const) assert.ok(!('conversation_id' in messengerContext(context, placement)));
  });

  test('configure (Messenger only): first with the admin and context; follow-up adds the click', () => {
    for (const placement of MESSENGER) {
      assert.deepEqual(keys(configureBody(context, placement)), sorted(...WORKSPACE, 'admin', 'context'));
      const next = configureBody(context, placement, click);
      assert.deepEqual(keys(next), sorted(...WORKSPACE, 'admin', 'context', ...INTERACTION));
      assert.deepEqual(next.current_canvas, canvas);
      assert.deepEqual(next.input_values, click.inputValues);
    }
    assert.throws(() => configureBody(context, 'conversationDetails'), /Messenger only/);
  });

  test('initialize: Messenger has card_creation_options and context, no person; the Inbox has admin, conversation and contact', () => {
    for (const placement of MESSENGER) {
      const body = initializeBody(context, placement, { duration: '30' });
      assert.deepEqual(keys(body), sorted(...WORKSPACE, 'card_creation_options', 'context'));
      assert.deepEqual(body.card_creation_options, { duration: '30' });
    }
    assert.deepEqual(initializeBody(context, 'home').card_creation_options, {}, 'without configure: empty options');
    const inbox = initializeBody(context, 'conversationDetails');
    assert.deepEqual(keys(inbox), sorted(...WORKSPACE, 'admin', 'conversation', 'contact'));
    assert.equal((inbox.admin as { type: string }).type, 'admin');
    assert.equal((inbox.conversation as { type: string }).type, 'conversation');
  });

  test('submit: the click with current_canvas (stored_data inside); Messenger adds user and context, the Inbox admin, conversation and contact', () => {
    for (const placement of MESSENGER) {
      const body = submitBody(context, placement, click);
      assert.deepEqual(keys(body), sorted(...WORKSPACE, 'user', 'context', ...INTERACTION));
      assert.deepEqual((body.current_canvas as CanvasObject).stored_data, { step: 2 });
      assert.equal(body.component_id, 'book');
    }
    assert.deepEqual(keys(submitBody(context, 'conversationDetails', click)), sorted(...WORKSPACE, 'admin', 'conversation', 'contact', ...INTERACTION));
  });

  test('live canvas: the canvas goes as `canvas`, with the contact and context (Messenger only)', () => {
    const live = { content_url: 'http://127.0.0.1:1/live', stored_data: { n: 1 } };
    const body = liveCanvasBody(context, 'home', live);
    assert.deepEqual(keys(body), sorted(...WORKSPACE, 'contact', 'canvas', 'context'));
    assert.deepEqual(body.canvas, live);
    assert.throws(() => liveCanvasBody(context, 'conversationDetails', live), /Messenger only/);
  });

  test('open sheet: one form field intercom_data, JSON with the click and the user encrypted with the client secret', () => {
    const form = new URLSearchParams(openSheetForm(context, 'conversation', click, 'sandbox-secret'));
    assert.deepEqual([...form.keys()], ['intercom_data']);
    const data = JSON.parse(form.get('intercom_data')!);
    assert.deepEqual(keys(data), sorted(...WORKSPACE, 'user', 'context', ...INTERACTION));
    assert.equal(typeof data.user, 'string');
    assert.deepEqual(decryptSheetUser(data.user, 'sandbox-secret'), context.user);
    assert.throws(() => openSheetForm(context, 'conversationDetails', click, 's'), /Messenger only/);
  });

  test('submit sheet: sheet_values with the user and the canvas (Messenger only)', () => {
    const body = submitSheetBody(context, 'home', canvas, { note: 'hi' });
    assert.deepEqual(keys(body), sorted(...WORKSPACE, 'user', 'current_canvas', 'sheet_values', 'context'));
    assert.deepEqual(body.sheet_values, { note: 'hi' });
    assert.throws(() => submitSheetBody(context, 'conversationDetails', canvas, {}), /Messenger only/);
  });

  test('connected: the workspace id and region and the admin come from /me; the people stay samples', () => {
    const me: Me = {
      id: '42', name: 'Albus', email: 'albus@hogwarts.example', email_verified: true, job_title: 'Head', has_inbox_seat: true, away_mode_enabled: false,
      avatar_url: 'https://static.example/a.png', app: { id_code: 'drzzt019', name: 'Hogwarts', created_at: 1, secure: true, identity_verification: false, timezone: null, region: 'eu' },
    };
    const connected = connectedContext(me);
    const body = configureBody(connected, 'home');
    assert.equal(body.workspace_id, 'drzzt019');
    assert.equal(body.workspace_region, 'eu');
    assert.deepEqual((body.admin as { id: string; email: string; type: string }), { ...(body.admin as object), type: 'admin', id: '42', email: 'albus@hogwarts.example' });
    assert.deepEqual(connected.user, context.user);
  });

  test('input_values: every input, textarea and checkbox; selects with a choice; entered values over the canvas ones', () => {
    const components = [
      { type: 'input', id: 'name', value: 'Hermione' },
      { type: 'input', id: 'email' },
      { type: 'textarea', id: 'note', value: 'x' },
      { type: 'single-select', id: 'slot', options: [], value: 'mon' },
      { type: 'dropdown', id: 'room', options: [] },
      { type: 'checkbox', id: 'topics', option: [], value: ['a'] },
      { type: 'button', id: 'book', label: 'Book', action: { type: 'submit' } },
      { type: 'text', text: 'no id' },
    ];
    assert.deepEqual(inputValuesOf(components, { email: 'h@x', slot: 'tue', topics: ['b', 'c'] }), {
      name: 'Hermione', email: 'h@x', note: 'x', slot: 'tue', topics: ['b', 'c'],
    });
  });
});
