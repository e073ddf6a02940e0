import assert from 'node:assert/strict';
import { Budget, ScanStopped } from '../../../src/scopes/budget';
import { analyze } from './documents';

const TOKEN = 'dG9rOmNkNDI4ZmQ3XzRhZjdfNDgyYV9iNTMwX2RhODU1ZmQyODNhNjoxOjA=';

suite('code analysis: one document', () => {
  test('every kind of diagnostic in document order, each reported once though two HMACs share the lines around them', () => {
    const text = [
      `const TOKEN = '${TOKEN}';`,
      "app.post('/hooks', (req, res) => {",
      "  const signature = req.headers['x-hub-signature'];",
      "  const first = crypto.createHmac('sha1', secret).update(JSON.stringify(req.body)).digest('hex');",
      "  const again = crypto.createHmac('sha1', secret).update(req.rawBody).digest('hex');",
      '  if (first !== signature) return res.sendStatus(401);',
      "  return fetch('https://api.intercom.io/tickets', { method: 'POST', headers: { 'Intercom-Version': '2.8' } });",
      '});',
      '',
    ].join('\n');
    const { diagnostics } = analyze('hooks.js', text, { region: 'eu', scopeCheck: { 'Write tickets': 'missing' } });
    assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`), [
      '1 intercom.secret-access-token',
      '4 intercom.signature-reserialised',
      '6 intercom.signature-compare',
      '7 intercom.permission-missing',
      '7 intercom.version-missing',
      '7 intercom.region-host',
    ]);
  });

  test('the scan runs on the caller\'s budget: a cancelled analysis stops', () => {
    const text = `// intercom\n${"fetch('https://api.intercom.io/admins');\n".repeat(2000)}`;
    assert.throws(() => analyze('a.js', text, { budget: new Budget({ isCancelled: () => true }) }), (e: unknown) => e instanceof ScanStopped && e.reason === 'cancelled');
  });
});
