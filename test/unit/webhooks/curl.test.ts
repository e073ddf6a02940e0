import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { shellQuote } from '../../../src/shell/quote';
import { SECRET_ENV_VAR, curlForDelivery } from '../../../src/webhooks/curl';
import { signatureHeader } from '../../../src/webhooks/signature';

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
