import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shellQuote } from '../../../src/shell/quote';
import { SECRET_ENV_VAR, curlForDelivery } from '../../../src/webhooks/curl';
import { signatureHeader } from '../../../src/webhooks/signature';
import { startLocalApp } from '../../support/localApp';

const SECRET = 'curl-secret-Zq9+/=';
const BODY = `{"id":"notif_1", "text":"it's \\"quoted\\" $HOME \`x\` é"}\n`;

suite('webhooks: Copy as curl', () => {
  const command = curlForDelivery({ url: 'http://127.0.0.1:8787/', body: BODY, headers: { 'content-type': 'application/json', 'x-hub-signature': 'sha1=dead', host: 'x', 'user-agent': 'intercom-parrot-service-client/1.0' } });

  test('never contains the secret nor the old signature; reads the secret from the environment', () => {
    assert.ok(!command.includes(SECRET));
    assert.ok(!command.includes('sha1=dead'));
    assert.ok(command.includes(`$${SECRET_ENV_VAR}`));
    assert.match(command, /-H 'user-agent: intercom-parrot-service-client\/1\.0'/);
    assert.doesNotMatch(command, /-H 'host:/);
  });

  test('the shell computes the same signature as Intercom would, over the same bytes', () => {
    // Run the command's own lines with curl replaced by printing what it would send.
    const script = command.replace(/^curl [\s\S]*$/m, 'printf "%s\\n%s" "$SIG" "$BODY"');
    const out = execFileSync('bash', ['-c', script], { env: { ...process.env, [SECRET_ENV_VAR]: SECRET }, encoding: 'utf8' });
    const [sig, ...rest] = out.split('\n');
    assert.equal(`sha1=${sig}`, signatureHeader(BODY, SECRET));
    assert.equal(rest.join('\n'), BODY);
  });

  test('curl sends the body as written, signed: one starting with @ is not a file to upload', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'curl-body-'));
    const app = await startLocalApp();
    try {
      fs.writeFileSync(path.join(dir, '.env'), 'API_KEY=do-not-upload');
      const body = '@.env';
      const run = curlForDelivery({ url: app.url, body, headers: { 'content-type': 'application/json' } });
      // Asynchronously: the app answering curl runs on this thread.
      await new Promise<void>((resolve, reject) => {
        execFile('bash', ['-c', run], { cwd: dir, env: { ...process.env, [SECRET_ENV_VAR]: SECRET } }, (error) => (error ? reject(error) : resolve()));
      });
      assert.equal(app.received[0].body.toString(), body);
      assert.equal(app.received[0].headers['x-hub-signature'], signatureHeader(body, SECRET));
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('without the variable the command stops before sending, saying what to set', () => {
    const env = { ...process.env };
    delete env[SECRET_ENV_VAR];
    assert.throws(() => execFileSync('bash', ['-c', command.replace(/^curl [\s\S]*$/m, 'echo SENT')], { env, stdio: 'pipe' }), (e: { stderr: Buffer; stdout: Buffer }) => {
      assert.match(e.stderr.toString(), new RegExp(`${SECRET_ENV_VAR}.*client secret`));
      assert.doesNotMatch(e.stdout.toString(), /SENT/);
      return true;
    });
  });

  test('shellQuote survives single quotes', () => {
    assert.equal(execFileSync('bash', ['-c', `printf '%s' ${shellQuote("a'b")}`], { encoding: 'utf8' }), "a'b");
  });
});
