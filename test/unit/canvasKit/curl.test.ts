// "Copy as curl" run for real: bash, openssl and curl against the sample app, which accepts the request
// only if the shell's signature matches the bytes it received.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sampleContext } from '../../../src/canvasKit/context';
import { curlForCanvasRequest } from '../../../src/canvasKit/curl';
import { initializeBody, jsonRequest } from '../../../src/canvasKit/requests';
import { startCanvasTestApp, type CanvasTestApp } from '../../support/canvasTestApp';
import { startSampleCanvasApp, type SampleCanvasApp } from '../../sample-canvas-app';

const run = promisify(execFile);
const SECRET = `it's "the" $ecret`;

/** Loopback only: no proxy from the environment. */
function shellEnv(secret?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' };
  for (const name of ['http_proxy', 'https_proxy', 'all_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'INTERCOM_CLIENT_SECRET']) delete env[name];
  if (secret !== undefined) env.INTERCOM_CLIENT_SECRET = secret;
  return env;
}

suite('canvas kit: Copy as curl', () => {
  let app: SampleCanvasApp;
  let careless: CanvasTestApp;
  suiteSetup(async () => {
    app = await startSampleCanvasApp({ clientSecret: SECRET });
    careless = await startCanvasTestApp();
  });
  suiteTeardown(async () => {
    await app.close();
    await careless.close();
  });

  test('signed by openssl from $INTERCOM_CLIENT_SECRET: the sample app verifies it and answers the canvas', async () => {
    const context = { ...sampleContext(), user: { ...sampleContext().user, name: `O'Brien "Ω" $HOME \`x\`` } };
    const request = jsonRequest('initialize', 'home', app.urls.initialize, initializeBody(context, 'home', { note: 'it\'s 100% "fine"' }));
    const command = curlForCanvasRequest(request);
    assert.ok(!command.includes(SECRET), 'the secret is never in the command');
    assert.match(command, /--data-raw "\$BODY"/);
    assert.doesNotMatch(command, /--data-binary/);
    const { stdout } = await run('bash', ['-c', command], { env: shellEnv(SECRET) });
    assert.equal(JSON.parse(stdout).canvas.content.components[0].text, 'Book a meeting');
    assert.equal(app.received.at(-1)!.body.toString('utf8'), request.body, 'the exact bytes');
  });

  test('a wrong secret is refused by the app; no secret stops the command before it sends', async () => {
    const request = jsonRequest('initialize', 'home', app.urls.initialize, initializeBody(sampleContext(), 'home'));
    const { stdout } = await run('bash', ['-c', curlForCanvasRequest(request)], { env: shellEnv('not-the-secret') });
    assert.match(stdout, /bad X-Body-Signature/);
    const before = app.received.length;
    await assert.rejects(run('bash', ['-c', curlForCanvasRequest(request)], { env: shellEnv() }), (e: { stderr: string }) => /INTERCOM_CLIENT_SECRET.*client secret/.test(e.stderr));
    assert.equal(app.received.length, before);
  });

  test('--data-raw: a body starting with @ is sent as text, not read from a file; an unsigned form needs no secret', async () => {
    careless.routes['/x'] = { body: {} };
    const command = curlForCanvasRequest({ url: `${careless.url}/x`, body: '@/etc/hostname', contentType: 'application/x-www-form-urlencoded', signed: false });
    assert.doesNotMatch(command, /X-Body-Signature|INTERCOM_CLIENT_SECRET/);
    await run('bash', ['-c', command], { env: shellEnv() });
    const received = careless.received.at(-1)!;
    assert.equal(received.body.toString('utf8'), '@/etc/hostname');
    assert.equal(received.headers['content-type'], 'application/x-www-form-urlencoded');
  });
});
