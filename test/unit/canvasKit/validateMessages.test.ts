import assert from 'node:assert/strict';
import { SchemaInterpreter } from '../../../src/canvasKit/schema/interpreter';
import type { SchemaProblem } from '../../../src/canvasKit/flows';
import { validateFixture, validateRequest, validateResponse } from '../../../src/canvasKit/schema/validate';

const canvas = (...components: unknown[]) => ({ canvas: { content: { components } } });
const submit = { type: 'submit' };
const lines = (problems: SchemaProblem[]) => problems.map((p) => `${p.severity} ${p.pointer}: ${p.message}`);

suite('canvas kit validator: messages', () => {
  test('a wrong value: the pointer, what was expected and what came', () => {
    assert.deepEqual(lines(validateResponse('initialize', 'home', canvas(
      { type: 'text', text: 'Hi', style: 'heading' },
      { type: 'image', url: 'https://cdn.example.com/a.png', width: '130', height: 1.5 },
    ))), [
      'error /canvas/content/components/0/style: Expected one of "header", "paragraph", "muted" or "error", got "heading". Did you mean "header"?',
      'error /canvas/content/components/1/width: Expected an integer, got "130".',
      'error /canvas/content/components/1/height: Expected an integer, got the number 1.5.',
    ]);
  });

  test('a missing key: the object, the key and everything the component requires', () => {
    assert.deepEqual(lines(validateResponse('submit', 'home', canvas({ type: 'button', id: 'book', label: 'Book' }))), [
      'error /canvas/content/components/0: Missing "action" (Button Component requires "type", "id", "label" and "action").',
    ]);
  });

  test('did you mean: a misspelt key, a key with its words swapped or in another case, none when nothing is near', () => {
    assert.deepEqual(lines(validateResponse('submit', 'home', canvas(
      { type: 'text', text: 'Hi', styel: 'header' },
      { type: 'divider', margin_bottom: 'none' },
      { type: 'input', id: 'email', Label: 'Email' },
      { type: 'spacer', colour: 'red' },
    ))), [
      'error /canvas/content/components/0/styel: Unknown key "styel" in Text Component. Did you mean "style"? Expected one of "type", "id", "text", "align", "style" or "bottom_margin".',
      'error /canvas/content/components/1/margin_bottom: Unknown key "margin_bottom" in Divider Component. Did you mean "bottom_margin"? Expected one of "type", "id" or "bottom_margin".',
      'error /canvas/content/components/2/Label: Unknown key "Label" in Input Component. Did you mean "label"? Expected one of "type", "id", "label", "placeholder", "value", "action", "save_state" or "disabled".',
      'error /canvas/content/components/3/colour: Unknown key "colour" in Spacer Component. Expected one of "type", "id" or "size".',
    ]);
  });

  test('did you mean: a misspelt component type, action type or event', () => {
    assert.deepEqual(lines(validateResponse('submit', 'home', {
      ...canvas({ type: 'buton', id: 'a', label: 'A', action: submit }, { type: 'single_select', id: 's', options: [] }, { type: 'button', id: 'b', label: 'B', action: { type: 'sumbit' } }),
      event: { type: 'complete' },
    })).map((l) => l.replace(/ to be one of .*, got/, ' to be one of …, got')), [
      'error /canvas/content/components/0/type: Expected "type" to be one of …, got "buton". Did you mean "button"?',
      'error /canvas/content/components/1/type: Expected "type" to be one of …, got "single_select". Did you mean "single-select"?',
      'error /canvas/content/components/2/action/type: Expected "type" to be one of …, got "sumbit". Did you mean "submit"?',
      'error /event/type: Expected "completed", got "complete". Did you mean "completed"?',
    ]);
  });

  test('a pointer escapes "/" and "~" in keys (RFC 6901)', () => {
    assert.deepEqual(validateResponse('submit', 'home', canvas({ type: 'spacer', 'a/b~c': 1 })).map((p) => p.pointer), ['/canvas/content/components/0/a~1b~0c']);
  });

  test('content, content_url and stored_data each against 64 KB, in bytes of their JSON', () => {
    const limit = 65_536;
    // {"components":[{"type":"text","text":"…"}]} is 42 bytes around the text; é takes 2 bytes.
    const content = (bytes: number) => ({ components: [{ type: 'text', text: 'é'.repeat((bytes - 42) / 2) }] });
    assert.deepEqual(validateResponse('submit', 'home', { canvas: { content: content(limit), stored_data: { k: 'x'.repeat(limit - 8) } } }), []);
    assert.deepEqual(lines(validateResponse('submit', 'home', { canvas: { content: content(limit + 2), stored_data: { k: 'x'.repeat(limit - 7) } } })), [
      "error /canvas/content: content takes 65,538 bytes of JSON, over Intercom's limit of 64 KB (65,536 bytes) per field.",
      "error /canvas/stored_data: stored_data takes 65,537 bytes of JSON, over Intercom's limit of 64 KB (65,536 bytes) per field.",
    ]);
    assert.deepEqual(lines(validateResponse('initialize', 'home', { canvas: { content_url: `https://app.example.com/${'p'.repeat(limit)}` } })), [
      "error /canvas/content_url: content_url takes 65,562 bytes of JSON, over Intercom's limit of 64 KB (65,536 bytes) per field.",
    ]);
    assert.deepEqual(lines(validateResponse('liveCanvas', 'home', { content: content(limit + 2) })), [
      "error /content: content takes 65,538 bytes of JSON, over Intercom's limit of 64 KB (65,536 bytes) per field.",
    ]);
  });

  test('Messenger-only features in the Inbox: the sheet action, content_url, and the configure, live canvas and submit sheet flows', () => {
    const sheet = canvas({ type: 'button', id: 'open', label: 'Open', action: { type: 'sheet', url: 'https://app.example.com/sheet' } });
    assert.deepEqual(validateResponse('submit', 'home', sheet), []);
    assert.deepEqual(lines(validateResponse('submit', 'conversationDetails', sheet)), [
      "error /canvas/content/components/0/action: A sheet action works only in the Messenger, not in the Inbox's conversation details.",
    ]);
    const live = { canvas: { content_url: 'https://app.example.com/live' } };
    assert.deepEqual(validateResponse('initialize', 'operator', live), []);
    const inInbox = "/canvas/content_url: A live canvas (content_url) works only in the Messenger, not in the Inbox's conversation details (the canvas reference says live canvases are Messenger-only; the request-flows guide says one can render in the Inbox).";
    assert.deepEqual(lines(validateResponse('initialize', 'conversationDetails', live)), [`warning ${inInbox}`]);
    assert.deepEqual(lines(validateResponse('initialize', 'conversationDetails', live, { strict: true })), [`error ${inInbox}`]);
    assert.deepEqual(lines(validateResponse('configure', 'conversationDetails', { results: { team: 'sales' } })), [
      "error : The configure flow works only in the Messenger, not in the Inbox's conversation details.",
    ]);
    assert.deepEqual(lines(validateRequest('configure', 'conversationDetails', { workspace_id: 'w', admin: { id: '1' }, context: {} })), [
      "error : The configure flow works only in the Messenger, not in the Inbox's conversation details.",
    ]);
    assert.deepEqual(lines(validateResponse('submitSheet', 'conversationDetails', canvas())), [
      "error : The submit sheet flow works only in the Messenger, not in the Inbox's conversation details.",
    ]);
    assert.equal(validateResponse('liveCanvas', 'conversationDetails', { content: { components: [] } })[0].severity, 'warning');
  });

  test("the Inbox's card_creation_options in a Messenger submit response: a warning", () => {
    const body = { ...canvas(), card_creation_options: { order: '123' } };
    assert.deepEqual(validateResponse('submit', 'conversationDetails', body), []);
    assert.deepEqual(lines(validateResponse('submit', 'message', body)), [
      'warning /card_creation_options: `card_creation_options` in a submit response works only in the Inbox, not in an outbound Message (Intercom reads them only from an app in the Inbox, to initialize its Messenger app with them).',
    ]);
  });

  test('results end configuration: an object, alone', () => {
    assert.deepEqual(validateResponse('configure', 'message', { results: { team: 'sales', count: 3 } }), []);
    assert.deepEqual(lines(validateResponse('configure', 'message', { results: 'sales' })), ['error /results: Expected an object, got "sales".']);
    assert.deepEqual(lines(validateResponse('configure', 'message', { results: {}, canvas: canvas().canvas })), [
      'error : Expected Results Response (unknown key "canvas" in Results Response. Expected "results") or an object with "canvas" (unknown key "results". Expected "canvas").',
    ]);
  });

  test('a body that is not an object, and a fixture of none of the response shapes', () => {
    assert.deepEqual(lines(validateResponse('initialize', 'home', 'Something went wrong')), ['error : Expected an object, got "Something went wrong".']);
    assert.deepEqual(lines(validateFixture({ canvass: {} })), [
      'error : Expected a canvas ({"canvas": …}) (missing "canvas" (Submit Response requires "canvas")), configuration results ({"results": …}) (missing "results" (Results Response requires "results")) or the content of a live canvas ({"content": …}) (missing "content" (Live Canvas Response requires "content")).',
    ]);
  });

  test('a fixture is judged wherever it shows: no capability is checked, the rest is', () => {
    assert.deepEqual(validateFixture(canvas({ type: 'button', id: 'open', label: 'Open', action: { type: 'sheet', url: 'https://app.example.com/sheet' } })), []);
    assert.deepEqual(lines(validateFixture({ content: { components: [{ type: 'text', txt: 'Hi' }] } })), [
      'error /content/components/0: Missing "text" (Text Component requires "type" and "text").',
      'error /content/components/0/txt: Unknown key "txt" in Text Component. Did you mean "text"? Expected one of "type", "id", "text", "align", "style" or "bottom_margin".',
    ]);
  });

  test('unknown keys can count as warnings; errors come before warnings', () => {
    assert.deepEqual(lines(validateResponse('submit', 'home', canvas({ type: 'text', text: 'Hi', styel: 'header' }, { type: 'spacer', size: 'xxl' }), { unknownKeys: 'warning' })), [
      'error /canvas/content/components/1/size: Expected one of "xs", "s", "m", "l" or "xl", got "xxl". Did you mean "xl"?',
      'warning /canvas/content/components/0/styel: Unknown key "styel" in Text Component. Did you mean "style"? Expected one of "type", "id", "text", "align", "style" or "bottom_margin".',
    ]);
  });

  test('requests: what each capability carries', () => {
    assert.deepEqual(lines(validateRequest('initialize', 'conversationDetails', { workspace_id: 'w', workspace_region: 'us', admin: { type: 'admin' }, conversation: { id: 1295 }, contact: { id: 'c' } })), [
      'error /admin: Missing "id" (Admin requires "id").',
      'error /conversation/id: Expected a string, got the number 1295.',
    ]);
    assert.deepEqual(lines(validateRequest('liveCanvas', 'home', { workspace_id: 'w', workspace_region: 'us', canvas: { content_url: 'https://app.example.com/live' }, context: {} })), [
      'error : Missing "contact" (Live Canvas Request requires "workspace_id", "workspace_region", "canvas", "context" and "contact").',
    ]);
  });

  test("an app's keys cannot steer the validator: constructor and __proto__ are unknown keys, a huge key is cut short in the message", () => {
    const body = JSON.parse(`{"canvas": {"content": {"components": [{"type": "text", "text": "Hi", "constructor": 1, "__proto__": {"style": "x"}, "${'k'.repeat(60_000)}": 2}]}}}`) as unknown;
    assert.deepEqual(lines(validateResponse('submit', 'home', body)).map((l) => l.replace(/ Expected one of .*$/, '').replace(/k{20,}/g, (m) => `k×${m.length}`)), [
      'error /canvas/content/components/0/constructor: Unknown key "constructor" in Text Component.',
      'error /canvas/content/components/0/__proto__: Unknown key "__proto__" in Text Component.',
      `error /canvas/content/components/0/k×60000: Unknown key "k×57…" in Text Component.`,
    ]);
  });

  test('the interpreter refuses a schema keyword it does not interpret, naming where', () => {
    assert.throws(() => new SchemaInterpreter({ $defs: { a: { type: 'string', minLength: 1 } } }),
      /#\/\$defs\/a\/minLength: the Canvas Kit validator does not interpret "minLength"/);
  });
});
