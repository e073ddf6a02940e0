// The flow engine against the sample Canvas Kit app over real HTTP: the app verifies every signature
// over the raw bytes and decrypts the sheet's user, so each step passing means Intercom's side was played
// right.
import assert from 'node:assert/strict';
import { sampleContext } from '../../../src/canvasKit/context';
import type { Outcome, SimulatorOptions } from '../../../src/canvasKit/engine';
import type { ComponentModel } from '../../../src/canvasKit/render';
import { SIGNATURE_HEADER } from '../../../src/canvasKit/signing';
import { startSampleCanvasApp, type SampleCanvasApp } from '../../sample-canvas-app';
import { testSimulator } from './simulator';

const SECRET = 'sample-canvas-secret';

const simulator = (app: SampleCanvasApp, options: Partial<SimulatorOptions> = {}) => testSimulator({ initialize: app.urls.initialize, submit: app.urls.submit, submitSheet: app.urls.submitSheet }, SECRET, options);

function components(outcome: Outcome): ComponentModel[] {
  const { screen } = outcome;
  assert.ok(screen.kind === 'view' && screen.view.kind === 'canvas', JSON.stringify(screen));
  return screen.kind === 'view' && screen.view.kind === 'canvas' ? screen.view.components : [];
}

const texts = (outcome: Outcome) => components(outcome).flatMap((c) => (c.type === 'text' ? [c.segments.map((s) => s.text).join('')] : []));
const requestBody = (app: SampleCanvasApp, index = -1) => JSON.parse(app.received.at(index)!.body.toString('utf8'));

suite('canvas kit: the flow engine against the sample app', () => {
  let app: SampleCanvasApp;
  setup(async () => {
    app = await startSampleCanvasApp({ clientSecret: SECRET });
  });
  teardown(() => app.close());

  test('initialize (no configure URL): a signed request, the form on screen, the timeline entry', async () => {
    const sim = simulator(app);
    const outcome = await sim.start();
    assert.deepEqual(texts(outcome).slice(0, 2), ['Book a meeting', 'A 30-minute call with our team. What to expect']);
    assert.deepEqual(app.received.map((r) => r.path), ['/initialize']);
    assert.match(String(app.received[0].headers[SIGNATURE_HEADER.toLowerCase()]), /^[0-9a-f]{64}$/);
    const [entry] = sim.timeline;
    assert.equal(entry.flow, 'initialize');
    assert.equal(entry.response?.status, 200, 'the app verified the signature');
    assert.equal(entry.signature.kind, 'valid');
    assert.equal(entry.request.size, app.received[0].body.length);
    assert.ok(entry.response!.size > 0 && entry.ms >= 0 && entry.at > 0);
  });

  test('configure → results → initialize: the follow-up carries the click, initialize the results as card_creation_options', async () => {
    const sim = simulator(app, { urls: { ...app.urls } });
    const configuring = await sim.start();
    assert.ok(configuring.screen.kind === 'view' && configuring.screen.configuring);
    assert.equal(configuring.screen.kind === 'view' && configuring.screen.view.frame, 'configure');
    assert.deepEqual(requestBody(app, 0).admin.type, 'admin');
    const done = await sim.click('save_setup', { duration: '60' });
    assert.deepEqual(app.received.map((r) => r.path), ['/configure', '/configure', '/initialize']);
    const followUp = requestBody(app, 1);
    assert.equal(followUp.component_id, 'save_setup');
    assert.deepEqual(followUp.input_values, { duration: '60' });
    assert.deepEqual(requestBody(app, 2).card_creation_options, { duration: '60' });
    assert.ok(done.screen.kind === 'view' && !done.screen.configuring);
    assert.match(texts(done)[1], /60-minute/);
  });

  test('submit with every value and stored_data; the booked reply is live (fetched at once) and ends with event completed', async () => {
    const sim = simulator(app);
    await sim.start();
    const booked = await sim.click('book', { name: 'Hermione', email: 'h@hogwarts.example', slot: 'tue-14' });
    const submit = requestBody(app, 1);
    assert.equal(submit.component_id, 'book');
    assert.deepEqual(submit.input_values, { name: 'Hermione', email: 'h@hogwarts.example', slot: 'tue-14' });
    assert.deepEqual(submit.current_canvas.stored_data, { duration: '30' });
    assert.equal(submit.user.email, sampleContext().user.email);
    assert.deepEqual(app.received.map((r) => r.path), ['/initialize', '/submit', '/live']);
    assert.equal(booked.completed, true);
    assert.deepEqual(sim.completedEvents.map((e) => e.flow), ['submit']);
    assert.ok(booked.screen.kind === 'view' && booked.screen.live);
    const table = components(booked).find((c) => c.type === 'data-table');
    assert.deepEqual(table?.type === 'data-table' && table.items.map((i) => i.value), ['Hermione', 'h@hogwarts.example', '30 minutes']);
  });

  test('live canvas: fetched again on each view with the canvas (content_url, stored_data) as `canvas`; its submit carries it back', async () => {
    const sim = simulator(app);
    await sim.start();
    await sim.click('book', { name: 'Hermione', email: 'h@hogwarts.example', slot: 'mon-10' });
    await sim.refresh();
    assert.deepEqual(app.received.map((r) => r.path), ['/initialize', '/submit', '/live', '/live']);
    const live = requestBody(app);
    assert.equal(live.canvas.content_url, `${app.url}/live`);
    assert.equal(live.canvas.stored_data.booking.slot, 'mon-10');
    assert.equal(live.contact.type, 'contact');
    const change = await sim.click('change');
    assert.equal(requestBody(app).current_canvas.content_url, `${app.url}/live`, 'current_canvas is the live canvas object');
    const name = components(change).find((c) => c.type === 'input' && c.id === 'name');
    assert.equal(name?.type === 'input' && name.value, 'Hermione');
  });

  test('sheet: the action is an intent; the form POST decrypts on the app; submitSheet sends sheet_values and replaces the canvas', async () => {
    const sim = simulator(app);
    await sim.start();
    const opened = await sim.click('add_note', { name: 'Hermione' });
    assert.deepEqual(opened.intent, { kind: 'openSheet', url: `${app.url}/sheet` });
    assert.equal(app.received.length, 1, 'the intent sends nothing by itself');
    const page = await sim.loadSheet();
    assert.ok(page.ok, JSON.stringify(page));
    assert.match(page.ok ? page.html : '', /meeting with Hermione Granger:/, 'the app decrypted the user');
    assert.equal(app.received[1].headers[SIGNATURE_HEADER.toLowerCase()], undefined, 'the open-sheet POST is unsigned');
    assert.equal(sim.timeline[1].signature.kind, 'unsigned');
    const form = new URLSearchParams(app.received[1].body.toString('utf8'));
    assert.deepEqual(JSON.parse(form.get('intercom_data')!).input_values.name, 'Hermione');
    const after = await sim.submitSheet({ note: 'Bring the contract' });
    assert.equal(requestBody(app).sheet_values.note, 'Bring the contract');
    assert.ok(texts(after).includes('Note: Bring the contract'));
    assert.equal(sim.sheetOpen, false);
  });

  test('closing a sheet sends nothing', async () => {
    const sim = simulator(app);
    await sim.start();
    await sim.click('add_note');
    sim.closeSheet();
    assert.equal(sim.sheetOpen, false);
    assert.equal((await sim.submitSheet({ note: 'late' })).screen, sim.current, 'a submit after closing is ignored');
    assert.equal(app.received.length, 1);
  });

  test('the app verifies signatures: both bad-signature probes are refused, nothing is flagged', async () => {
    const sim = simulator(app);
    const check = await sim.checkSignatures();
    assert.equal(check.verifies, true, check.message);
    assert.deepEqual(check.entries.map((e) => [e.signature.kind, e.response?.status, e.acceptedBadSignature]), [['wrong', 401, false], ['missing', 401, false]]);
    assert.match(check.message, /refused both \(401, 401\)/);
    assert.equal(app.received[1].headers[SIGNATURE_HEADER.toLowerCase()], undefined);
  });

  test('the Inbox: no configure even with a URL, no context, no sheet; admin, conversation and contact', async () => {
    const sim = simulator(app, { urls: { ...app.urls }, placement: 'conversationDetails' });
    const outcome = await sim.start();
    assert.deepEqual(app.received.map((r) => r.path), ['/initialize']);
    assert.deepEqual(Object.keys(requestBody(app)).sort(), ['admin', 'contact', 'conversation', 'workspace_id', 'workspace_region']);
    assert.ok(!components(outcome).some((c) => c.type === 'button' && c.id === 'add_note'));
    assert.equal(outcome.screen.kind === 'view' && outcome.screen.view.frame, 'inbox');
  });
});
