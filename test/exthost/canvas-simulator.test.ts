// The Canvas Kit simulator panel in the real extension host, driven as its webview drives it (the panel's
// receive()), against real apps on 127.0.0.1: the sample app, which verifies every signature, and a careless
// test app whose answers each test stages (slow, oversize, not JSON, an unknown component).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { NOT_VERIFYING } from '../../src/canvasKit/engine';
import type { ComponentModel } from '../../src/canvasKit/render';
import { SHEET_MESSAGE_SOURCE } from '../../src/canvasKit/sheetLibrary';
import { SIGNATURE_HEADER } from '../../src/canvasKit/signing';
import { clientSecretKey } from '../../src/host/config';
import type { SimulatorPanel } from '../../src/features/canvasKit/panel';
import { startSampleCanvasApp, type SampleCanvasApp } from '../sample-canvas-app';
import { startCanvasTestApp, type CanvasTestApp } from '../support/canvasTestApp';
import { setUserSettings } from './sandbox';
import { ScriptedUi, activateExtension, type TestApi } from './support';

const CLIENT_ID = 'exthost-canvas-client';
const CLIENT_SECRET = 'exthost-canvas-secret-Zq9+/=';
const URL_KEYS = ['canvasKit.initializeUrl', 'canvasKit.submitUrl', 'canvasKit.configureUrl', 'canvasKit.submitSheetUrl', 'canvasKit.timeoutSeconds'];

const canvas = (components: unknown[], stored_data?: Record<string, unknown>) => ({ canvas: { content: { components }, ...(stored_data ? { stored_data } : {}) } });

suite('Canvas Kit simulator (real extension host, apps on 127.0.0.1)', function () {
  this.timeout(60_000);
  let api: TestApi;
  let ui: ScriptedUi;
  let panel: SimulatorPanel | undefined;
  let sample: SampleCanvasApp | undefined;
  let app: CanvasTestApp | undefined;

  /** Opens the panel with these settings (configure and submit sheet left unset unless given). */
  async function open(settings: { initialize: string; submit: string; configure?: string; submitSheet?: string; timeoutSeconds?: number }): Promise<SimulatorPanel> {
    await setUserSettings({
      'canvasKit.initializeUrl': settings.initialize, 'canvasKit.submitUrl': settings.submit,
      'canvasKit.configureUrl': settings.configure, 'canvasKit.submitSheetUrl': settings.submitSheet, 'canvasKit.timeoutSeconds': settings.timeoutSeconds,
    });
    await vscode.commands.executeCommand('intercom.openCanvasKitSimulator');
    panel = api.canvasKit.load().panel;
    assert.ok(panel, 'the command opened the panel');
    await panel.ready;
    return panel;
  }
  const openSample = async (withConfigure = false) => {
    sample = await startSampleCanvasApp({ clientSecret: CLIENT_SECRET });
    return open({ ...sample.urls, configure: withConfigure ? sample.urls.configure : undefined });
  };
  const openTestApp = async (routes: CanvasTestApp['routes'], timeoutSeconds?: number) => {
    app = await startCanvasTestApp();
    app.routes = routes;
    return open({ initialize: `${app.url}/initialize`, submit: `${app.url}/submit`, timeoutSeconds });
  };

  function components(p: SimulatorPanel): ComponentModel[] {
    const { screen } = p.state;
    assert.ok(screen.kind === 'view' && screen.view.kind === 'canvas', `a canvas on screen: ${JSON.stringify(screen)} ${JSON.stringify(p.state.notices)}`);
    return screen.kind === 'view' && screen.view.kind === 'canvas' ? screen.view.components : [];
  }
  const texts = (p: SimulatorPanel) => components(p).flatMap((c) => (c.type === 'text' ? [c.segments.map((s) => s.text).join('')] : []));
  function errorReasons(p: SimulatorPanel): string[] {
    const { screen } = p.state;
    assert.ok(screen.kind === 'view' && screen.view.kind === 'errorCard', `the error card: ${JSON.stringify(screen)}`);
    return screen.kind === 'view' && screen.view.kind === 'errorCard' ? screen.view.reasons.map((r) => `${r.pointer} ${r.message}`) : [];
  }
  const bodyOf = (received: { path: string; body: Buffer }[], path: string) => JSON.parse(received.filter((r) => r.path === path).at(-1)!.body.toString('utf8'));

  suiteSetup(async () => {
    api = await activateExtension();
    await setUserSettings({ 'oauth.clientId': CLIENT_ID });
    await api.secrets.store(clientSecretKey(CLIENT_ID), CLIENT_SECRET);
  });
  suiteTeardown(async () => {
    await api.secrets.delete(clientSecretKey(CLIENT_ID));
    await setUserSettings({ 'oauth.clientId': undefined });
  });
  setup(() => {
    ui = new ScriptedUi();
    api.ui.current = ui;
  });
  teardown(async () => {
    panel?.dispose();
    panel = undefined;
    await sample?.close();
    await app?.close();
    sample = app = undefined;
    await setUserSettings(Object.fromEntries(URL_KEYS.map((k) => [k, undefined])));
  });

  test('initialize: a request signed with the client secret, the form drawn, the timeline entry', async () => {
    const p = await openSample();
    assert.deepEqual(texts(p).slice(0, 1), ['Book a meeting']);
    assert.deepEqual(sample!.received.map((r) => r.path), ['/initialize']);
    assert.match(String(sample!.received[0].headers[SIGNATURE_HEADER.toLowerCase()]), /^[0-9a-f]{64}$/);
    const [entry] = p.simulator!.timeline;
    assert.equal(entry.flow, 'initialize');
    assert.equal(entry.response?.status, 200, 'the sample app verified the signature');
    assert.equal(entry.signature.kind, 'valid');
    assert.equal(bodyOf(sample!.received, '/initialize').context.location, 'home');
    assert.equal(p.state.placement, 'home');
  });

  test('configure → results → initialize: the configure canvas, then initialize with card_creation_options', async () => {
    const p = await openSample(true);
    assert.equal(p.state.screen.kind === 'view' && p.state.screen.view.frame, 'configure');
    await p.receive({ kind: 'click', componentId: 'save_setup', values: { duration: '60' } });
    assert.deepEqual(sample!.received.map((r) => r.path), ['/configure', '/configure', '/initialize']);
    assert.deepEqual(bodyOf(sample!.received, '/initialize').card_creation_options, { duration: '60' });
    assert.match(texts(p)[1], /60-minute/);
  });

  test('submit carries component_id, every input value and current_canvas with its stored_data', async () => {
    let submitted: Record<string, unknown> | undefined;
    const p = await openTestApp({
      '/initialize': { body: canvas([
        { type: 'input', id: 'name', label: 'Name' },
        { type: 'checkbox', id: 'topics', label: 'Topics', option: [{ type: 'option', id: 'a', text: 'A' }, { type: 'option', id: 'b', text: 'B' }] },
        { type: 'button', id: 'go', label: 'Go', action: { type: 'submit' } },
      ], { step: 1 }) },
      '/submit': (body) => {
        submitted = body;
        return { body: canvas([{ type: 'text', text: 'Thanks' }]) };
      },
    });
    await p.receive({ kind: 'click', componentId: 'go', values: { name: 'Ada', topics: ['b'] } });
    assert.ok(submitted, 'the submit request reached the app');
    assert.equal(submitted.component_id, 'go');
    assert.deepEqual(submitted.input_values, { name: 'Ada', topics: ['b'] });
    assert.deepEqual((submitted.current_canvas as { stored_data: unknown }).stored_data, { step: 1 });
    assert.deepEqual(texts(p), ['Thanks']);
  });

  test('live canvas: content_url is fetched on show and again on Refresh', async () => {
    let views = 0;
    const p = await openTestApp({
      '/initialize': { body: { canvas: { content_url: '', stored_data: { id: 7 } } } },
      '/live': () => ({ body: { content: { components: [{ type: 'text', text: `View ${++views}` }] } } }),
    });
    // The content_url needs the app's port: stage it now and start over.
    app!.routes['/initialize'] = { body: { canvas: { content_url: `${app!.url}/live`, stored_data: { id: 7 } } } };
    await p.receive({ kind: 'restart' });
    assert.deepEqual(texts(p), ['View 1']);
    assert.ok(p.state.screen.kind === 'view' && p.state.screen.live);
    assert.deepEqual(bodyOf(app!.received, '/live').canvas.stored_data, { id: 7 });
    await p.receive({ kind: 'refresh' });
    assert.deepEqual(texts(p), ['View 2']);
  });

  test('sheet: opened in the panel with the library stand-in; submitSheet sends submit sheet, whose canvas replaces the card', async () => {
    const p = await openSample();
    await p.receive({ kind: 'click', componentId: 'add_note', values: {} });
    const form = new URLSearchParams(sample!.received.at(-1)!.body.toString('utf8'));
    assert.equal(sample!.received.at(-1)!.path, '/sheet');
    assert.ok(form.get('intercom_data'), 'the open-sheet POST is a form with intercom_data');
    const shown = p.sheetShown;
    assert.ok(shown, 'the sheet is shown');
    assert.match(shown.html, /INTERCOM_MESSENGER_SHEET_LIBRARY/);
    assert.doesNotMatch(shown.html, /js\.intercomcdn\.com/, 'the CDN script is removed');
    assert.match(shown.html, /Add a note|A note for the meeting/, 'the app decrypted the user and answered its page');
    await p.receive({ kind: 'sheetMessage', data: { source: SHEET_MESSAGE_SOURCE, method: 'setTitle', title: 'Add a note' } });
    assert.equal(p.sheetShown?.title, 'Add a note');
    await p.receive({ kind: 'sheetMessage', data: { source: SHEET_MESSAGE_SOURCE, method: 'submitSheet', values: { note: 'Bring slides' } } });
    assert.equal(p.sheetShown, undefined, 'submitSheet closes the sheet');
    assert.equal(sample!.received.at(-1)!.path, '/submit-sheet');
    assert.deepEqual(bodyOf(sample!.received, '/submit-sheet').sheet_values, { note: 'Bring slides' });
    assert.ok(texts(p).includes('Note: Bring slides'), texts(p).join(' | '));
  });

  test('event: completed is shown, with the booked live canvas', async () => {
    const p = await openSample();
    assert.equal(p.state.completed, false);
    await p.receive({ kind: 'click', componentId: 'book', values: { name: 'Hermione', email: 'h@example.com', slot: 'tue-14' } });
    assert.equal(p.state.completed, true, JSON.stringify(p.state));
    assert.match(texts(p)[0], /Booked\. See you Tuesday 14:00/);
  });

  test('a URL action opens only after a confirmation that names the host', async () => {
    const p = await openTestApp({ '/initialize': { body: canvas([{ type: 'button', id: 'docs', label: 'Docs', action: { type: 'url', url: 'https://docs.example.com/guide' } }]) } });
    await p.receive({ kind: 'click', componentId: 'docs', values: {} });
    assert.equal(ui.confirmations.length, 1);
    assert.match(ui.confirmations[0].text, /docs\.example\.com/);
  });

  test('Send with a bad signature: an app answering 2xx is flagged; the sample app, which verifies, is not', async () => {
    const careless = await openTestApp({ '/initialize': { body: canvas([{ type: 'text', text: 'Hi' }]) } });
    await careless.receive({ kind: 'checkSignatures' });
    assert.equal(careless.state.signatureCheck?.verifies, false);
    assert.ok(careless.state.signatureCheck!.message.startsWith(NOT_VERIFYING), careless.state.signatureCheck!.message);
    await ui.waitForMessage((m) => m.level === 'warning' && m.text.startsWith(NOT_VERIFYING));
    const signatures = app!.received.slice(-2).map((r) => r.headers[SIGNATURE_HEADER.toLowerCase()]);
    assert.match(String(signatures[0]), /^[0-9a-f]{64}$/, 'a wrong signature first');
    assert.equal(signatures[1], undefined, 'then none');
    careless.dispose();

    const p = await openSample();
    await p.receive({ kind: 'checkSignatures' });
    assert.equal(p.state.signatureCheck?.verifies, true, p.state.signatureCheck?.message);
  });

  test('timeout: an answer slower than intercom.canvasKit.timeoutSeconds fails as Intercom fails it', async () => {
    const p = await openTestApp({ '/initialize': { body: canvas([{ type: 'text', text: 'late' }]), delayMs: 3000 } }, 1);
    assert.ok(errorReasons(p).some((r) => /No answer within 1 s/.test(r)), errorReasons(p).join('\n'));
    assert.equal(p.simulator!.timeline[0].failure?.kind, 'timeout');
  });

  test('oversize: stored_data over 64 KB is flagged and refused', async () => {
    const p = await openTestApp({ '/initialize': { body: canvas([{ type: 'text', text: 'big' }], { blob: 'x'.repeat(70 * 1024) }) } });
    // Said once, with its size: the simulator's limit is the schema's.
    const said = errorReasons(p).filter((r) => r.startsWith('/canvas/stored_data '));
    assert.deepEqual(said, ["/canvas/stored_data stored_data takes 71,691 bytes of JSON, over Intercom's limit of 64 KB (65,536 bytes) per field."], errorReasons(p).join('\n'));
  });

  test('invalid JSON: the error card, with the reason', async () => {
    const p = await openTestApp({ '/initialize': { body: '{"canvas": {', contentType: 'application/json' } });
    assert.ok(errorReasons(p).some((r) => /not JSON/.test(r)), errorReasons(p).join('\n'));
  });

  test('unknown component: the error card names the pointer and suggests the type meant', async () => {
    const p = await openTestApp({ '/initialize': { body: canvas([{ type: 'buton', id: 'x', label: 'X', action: { type: 'submit' } }]) } });
    const reasons = errorReasons(p);
    assert.ok(reasons.some((r) => r.startsWith('/canvas/content/components/0') && /button/.test(r)), reasons.join('\n'));
  });

  test('a URL on another machine is not sent to unless allowed', async () => {
    const p = await open({ initialize: 'http://example.com/initialize', submit: 'http://example.com/submit' });
    assert.ok(errorReasons(p).some((r) => /not on this machine/.test(r)), errorReasons(p).join('\n'));
  });
});
