// `npm start` as a person uses it: it prints a URL that serves the workbench and a sandbox whose
// printed Access Token works, and it stops cleanly on Ctrl+C.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../support/codeServer';
import { until } from '../support/until';

suite('E2E: npm start sandbox', function () {
  this.timeout(120_000);

  test('prints the URL to open; the workbench and the fake Intercom answer; Ctrl+C stops it', async () => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts/start.mjs'), '--no-build'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await until(() => /Access Token: +\S+/.test(out) || child.exitCode !== null, 'the sandbox to print its URL and token', 90_000);
      const open = /Open: +(\S+)/.exec(out)?.[1];
      const fake = /Fake Intercom: +(\S+)/.exec(out)?.[1];
      const token = /Access Token: +(\S+)/.exec(out)?.[1];
      assert.ok(open && fake && token, out);
      assert.match(open, /^http:\/\/127\.0\.0\.1:\d+\/\?folder=.*payload=/);
      assert.equal((await fetch(open)).status, 200, 'the workbench page');
      const me = await fetch(`${fake}/me`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
      assert.equal(me.status, 200, 'the printed token works on the sandbox');
      assert.equal((await me.json()).type, 'admin');
    } finally {
      child.kill('SIGINT');
    }
    assert.equal(await exited, 0, out);
  });
});
