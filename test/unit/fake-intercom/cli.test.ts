import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { FakeIntercom } from '../../fake-intercom';

const CLI = path.join(__dirname, '..', '..', 'fake-intercom', 'cli.js');

interface Sandbox { url: string; clientId: string; clientSecret: string; accessToken: string; redirectUrls: string[] }

function startCli(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; info: Sandbox }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => { err += d.toString(); });
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve({ child, info: JSON.parse(line) as Sandbox });
    });
    child.once('exit', (code) => reject(new Error(`cli exited ${code}: ${err}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

suite('fake Intercom: CLI sandbox', () => {
  test('prints {url, clientId, clientSecret, accessToken}, serves the sandbox and stops on SIGTERM', async () => {
    const { child, info } = await startCli(['--redirect-url', 'https://bridge.example.com/cb', '--client-id', 'sandbox-1']);
    try {
      assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(info.clientId, 'sandbox-1');
      assert.ok(info.clientSecret.length >= 16);
      assert.deepEqual(info.redirectUrls, ['https://bridge.example.com/cb']);
      const me = await fetch(`${info.url}/me`, { headers: { Authorization: `Bearer ${info.accessToken}` } });
      assert.equal(me.status, 200);
      assert.equal(((await me.json()) as { app: { region: string } }).app.region, 'US');
      const consent = await fetch(`${info.url}/oauth?client_id=sandbox-1&state=s`);
      assert.equal(consent.status, 200);
      assert.match(await consent.text(), /Authorize access/);
    } finally {
      const done = exited(child);
      child.kill('SIGTERM');
      assert.equal(await done, 0);
    }
  });

  test('without --redirect-url it registers its own callback page; FAKE_INTERCOM_PORT sets the port', async () => {
    const probe = await FakeIntercom.start();
    const port = probe.port;
    await probe.close();
    const { child, info } = await startCli(['--consent', 'approve'], { FAKE_INTERCOM_PORT: String(port) });
    try {
      assert.equal(info.url, `http://127.0.0.1:${port}`);
      assert.deepEqual(info.redirectUrls, [`${info.url}/sandbox/callback`]);
      const res = await fetch(`${info.url}/oauth?client_id=${info.clientId}&state=abc`, { redirect: 'manual' });
      const location = new URL(res.headers.get('location') ?? '');
      assert.equal(location.pathname, '/sandbox/callback');
      const page = await fetch(location);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /OAuth callback received/);
    } finally {
      const done = exited(child);
      child.kill('SIGINT');
      assert.equal(await done, 0);
    }
  });

  test('an invalid port is refused with exit code 2', async () => {
    const child = spawn(process.execPath, [CLI, '--port', 'abc'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    assert.equal(await exited(child), 2);
    assert.match(err, /invalid port/);
  });
});
