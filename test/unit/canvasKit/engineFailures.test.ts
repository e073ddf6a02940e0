// Every way an app can fail Intercom, staged on a careless test app over real HTTP: each ends as the
// generic error card with the precise reason, and the timeline says what happened.
import assert from 'node:assert/strict';
import { NOT_VERIFYING, type Outcome, type SimulatorOptions } from '../../../src/canvasKit/engine';
import { validateResponse } from '../../../src/canvasKit/schema/validate';
import { REDACTED } from '../../../src/secrets/redact';
import { startCanvasTestApp, type CanvasTestApp } from '../../support/canvasTestApp';
import { testSimulator } from './simulator';

const SECRET = 'careless-app-secret';
const FORM = { canvas: { content: { components: [{ type: 'text', text: 'Hi' }, { type: 'button', id: 'go', label: 'Go', action: { type: 'submit' } }] } } };

const simulator = (app: CanvasTestApp, options: Partial<SimulatorOptions> = {}) => testSimulator({ initialize: `${app.url}/initialize`, submit: `${app.url}/submit`, submitSheet: `${app.url}/submit-sheet` }, SECRET, options);

function reasons(outcome: Outcome): string[] {
  const { screen } = outcome;
  assert.ok(screen.kind === 'view' && screen.view.kind === 'errorCard', `an error card, not ${JSON.stringify(screen)}`);
  return screen.kind === 'view' && screen.view.kind === 'errorCard' ? screen.view.reasons.map((r) => `${r.pointer} ${r.message}`.trim()) : [];
}

suite('canvas kit: the flow engine when the app fails', () => {
  let app: CanvasTestApp;
  setup(async () => {
    app = await startCanvasTestApp();
  });
  teardown(() => app.close());

  test('an app that answers 2xx to a wrong or a missing signature is flagged', async () => {
    app.routes['/initialize'] = { body: FORM };
    const check = await simulator(app).checkSignatures();
    assert.equal(check.verifies, false);
    assert.match(check.message, new RegExp(`^${NOT_VERIFYING}: it answered 200 to a wrong X-Body-Signature and 200 to a missing X-Body-Signature`));
    assert.deepEqual(check.entries.map((e) => e.acceptedBadSignature), [true, true]);
    const wrong = app.received[0].headers['x-body-signature'];
    assert.match(String(wrong), /^[0-9a-f]{64}$/, 'a well-formed signature, made with another key');
  });

  test('slower than the timeout: fails as Intercom would, and says the timeout is a setting', async () => {
    app.routes['/initialize'] = { body: FORM, delayMs: 3_000 };
    const sim = simulator(app, { timeoutMs: 200 });
    const outcome = await sim.start();
    assert.deepEqual(reasons(outcome), ['No answer within 0.2 s: Intercom stops waiting and shows its error card. (Intercom does not document its timeout; it is a setting here.)']);
    assert.equal(sim.timeline[0].failure?.kind, 'timeout');
  });

  test('invalid JSON', async () => {
    app.routes['/initialize'] = { body: '{"canvas": {', contentType: 'application/json' };
    const sim = simulator(app);
    assert.match(reasons(await sim.start())[0], /^The reply is not JSON \(.+\); Intercom shows its error card\.$/);
    assert.equal(sim.timeline[0].failure?.kind, 'notJson');
    assert.equal(sim.timeline[0].response?.body, '{"canvas": {', 'the reply is kept for the timeline');
  });

  test('oversize: a field over 64 KB is refused, with its size', async () => {
    app.routes['/initialize'] = { body: { canvas: { ...FORM.canvas, stored_data: { blob: 'x'.repeat(70 * 1024) } } } };
    const sim = simulator(app, { validate: validateResponse });
    // Once: the schema's limit is the simulator's.
    assert.deepEqual(reasons(await sim.start()), ['/canvas/stored_data stored_data takes 71,691 bytes of JSON, over Intercom\'s limit of 64 KB (65,536 bytes) per field.']);
    assert.equal(sim.timeline[0].problems[0].pointer, '/canvas/stored_data');
  });

  test('an answer that is not 2xx, and nothing listening', async () => {
    app.routes['/initialize'] = { status: 500, body: 'boom', contentType: 'text/plain' };
    assert.deepEqual(reasons(await simulator(app).start()), ['The app answered 500; Intercom shows its error card for any answer but 2xx.']);
    const url = app.url;
    await app.close();
    assert.match(reasons(await simulator({ ...app, url }).start())[0], /^Nothing answers at http:\/\/127\.0\.0\.1:\d+\/initialize\. Start your app/);
    app = await startCanvasTestApp();
  });

  test('the validator\'s errors and an unknown component become the error card; the entry keeps the problems', async () => {
    const problem = { pointer: '/canvas/content/components/0/styel', message: 'unknown key', severity: 'error' as const };
    app.routes['/initialize'] = { body: FORM };
    const sim = simulator(app, { validate: () => [problem] });
    assert.deepEqual(reasons(await sim.start()), ['/canvas/content/components/0/styel unknown key']);
    assert.deepEqual(sim.timeline[0].problems, [problem]);
    app.routes['/initialize'] = { body: { canvas: { content: { components: [{ type: 'iframe', url: 'https://x.example' }] } } } };
    assert.deepEqual(reasons(await simulator(app).start()), ['/canvas/content/components/0/type Canvas Kit has no component of type "iframe".']);
  });

  test('URL actions become an intent naming the host; nothing is sent or opened', async () => {
    app.routes['/initialize'] = { body: { canvas: { content: { components: [{ type: 'button', id: 'docs', label: 'Docs', action: { type: 'url', url: 'https://docs.example/guide' } }] } } } };
    const sim = simulator(app);
    await sim.start();
    const outcome = await sim.click('docs');
    assert.deepEqual(outcome.intent, { kind: 'openUrl', url: 'https://docs.example/guide', host: 'docs.example' });
    assert.equal(app.received.length, 1);
  });

  test('a disabled or saved component does nothing; a click while a request is on its way is ignored', async () => {
    app.routes['/initialize'] = { body: { canvas: { content: { components: [
      { type: 'button', id: 'off', label: 'Off', disabled: true, action: { type: 'submit' } },
      { type: 'button', id: 'saved', label: 'Saved', save_state: 'saved', action: { type: 'submit' } },
      { type: 'button', id: 'go', label: 'Go', action: { type: 'submit' } },
    ] } } } };
    app.routes['/submit'] = { body: FORM, delayMs: 300 };
    const sim = simulator(app);
    await sim.start();
    await sim.click('off');
    await sim.click('saved');
    assert.equal(app.received.length, 1);
    const first = sim.click('go');
    await sim.click('go');
    await first;
    assert.deepEqual(app.received.map((r) => r.path), ['/initialize', '/submit']);
  });

  test('cancel stops the request on its way', async () => {
    app.routes['/initialize'] = { body: FORM, delayMs: 5_000 };
    const sim = simulator(app);
    const started = sim.start();
    while (app.received.length === 0) await new Promise((resolve) => setImmediate(resolve));
    sim.cancel();
    assert.deepEqual(reasons(await started), ['Cancelled.']);
  });

  test('a URL off this machine is not sent to unless allowed', async () => {
    const sim = simulator(app, { urls: { initialize: 'https://canvas.example/initialize', submit: 'https://canvas.example/submit' } });
    assert.match(reasons(await sim.start())[0], /^Not sent: https:\/\/canvas\.example\/initialize is not on this machine; allow other hosts in the settings/);
  });

  test('the timeline redacts secrets an app echoes; Inbox submit with card_creation_options asks to insert a card', async () => {
    app.routes['/initialize'] = { body: { canvas: FORM.canvas, debug: `secret was ${SECRET}` } };
    app.routes['/submit'] = { body: { canvas: FORM.canvas, card_creation_options: { order: '42' } } };
    const sim = simulator(app, { placement: 'conversationDetails' });
    await sim.start();
    assert.ok(!sim.timeline[0].response!.body.includes(SECRET));
    assert.ok(sim.timeline[0].response!.body.includes(REDACTED));
    const outcome = await sim.click('go');
    assert.deepEqual(outcome.intent, { kind: 'insertCard', cardCreationOptions: { order: '42' } });
  });

  test('event completed is recorded from a submit-sheet reply too; a live canvas in the Inbox is refused', async () => {
    app.routes['/initialize'] = { body: { canvas: { content: { components: [{ type: 'button', id: 'sheet', label: 'Open', action: { type: 'sheet', url: `${app.url}/sheet` } }] } } } };
    app.routes['/sheet'] = { body: '<!doctype html><title>Sheet</title>', contentType: 'text/html' };
    app.routes['/submit-sheet'] = { body: { canvas: FORM.canvas, event: { type: 'completed' } } };
    const sim = simulator(app);
    await sim.start();
    await sim.click('sheet');
    await sim.loadSheet();
    const outcome = await sim.submitSheet({ ok: true });
    assert.equal(outcome.completed, true);
    assert.deepEqual(sim.completedEvents.map((e) => e.flow), ['submitSheet']);
    app.routes['/initialize'] = { body: { canvas: { content_url: `${app.url}/live` } } };
    assert.deepEqual(reasons(await simulator(app, { placement: 'conversationDetails' }).start()), ['content_url: live canvases are Messenger-only per the canvas reference.']);
  });

  test('the timeline keeps the last maxEntries entries; Replay and Copy as curl work on those, not on dropped ones', async () => {
    app.routes['/initialize'] = { body: FORM };
    const sim = simulator(app, { maxEntries: 2 });
    await sim.start();
    await sim.start();
    await sim.start();
    assert.deepEqual(sim.timeline.map((e) => e.id), [2, 3]);
    assert.equal(sim.curl(1), undefined);
    assert.match(sim.curl(3) ?? '', /--data-raw "\$BODY"/);
    const replayed = await sim.replay(3);
    assert.equal(replayed?.response?.status, 200);
    assert.deepEqual(sim.timeline.map((e) => e.id), [3, 4]);
    assert.equal(await sim.replay(1), undefined);
    assert.equal(app.received.length, 4);
  });
});
