import assert from 'node:assert/strict';
import { clientSecretNames, isAccessToken, looksLikeClientSecret } from '../../../src/codeIntelligence/secretDiagnostics';
import { analyze, applyFix, flagged, only } from './documents';

// base64('tok:cd428fd7_4af7_482a_b530_da855fd283a6:1:0'): the shape of an Intercom access token.
const TOKEN = 'dG9rOmNkNDI4ZmQ3XzRhZjdfNDgyYV9iNTMwX2RhODU1ZmQyODNhNjoxOjA=';
const SECRET = 'f2188099-cf86-4217-903a-1bb5a3a51005';

/** The document after the one secret diagnostic's quick fix. */
function fixed(file: string, text: string, code: 'intercom.secret-access-token' | 'intercom.secret-client-secret' = 'intercom.secret-access-token'): string {
  const d = only(analyze(file, text), code);
  assert.equal(d.fixes.length, 1, d.message);
  return applyFix(text, d.fixes[0]);
}

suite('code analysis: secrets in source', () => {
  test('an access token: a warning, an error when git tracks the file', () => {
    const text = `// Intercom\nconst TOKEN = '${TOKEN}';\n`;
    const warning = only(analyze('app.js', text), 'intercom.secret-access-token');
    assert.equal(warning.severity, 'warning');
    assert.deepEqual(flagged(text, analyze('app.js', text), 'intercom.secret-access-token'), [TOKEN]);
    const error = only(analyze('app.js', text, { gitTracked: true }), 'intercom.secret-access-token');
    assert.equal(error.severity, 'error');
    assert.match(error.message, /Git tracks this file/);
    assert.match(error.reason, /#secrets-in-the-code$/);
  });

  test('JS/TS: the literal becomes process.env.INTERCOM_ACCESS_TOKEN; a prefix stays, joined or interpolated', () => {
    assert.equal(fixed('app.ts', `const TOKEN = '${TOKEN}';\n`), 'const TOKEN = process.env.INTERCOM_ACCESS_TOKEN;\n');
    assert.equal(fixed('app.ts', `headers: { Authorization: 'Bearer ${TOKEN}' }\n`), "headers: { Authorization: 'Bearer ' + process.env.INTERCOM_ACCESS_TOKEN }\n");
    assert.equal(fixed('app.ts', `headers: { Authorization: \`Bearer ${TOKEN}\` }\n`), 'headers: { Authorization: `Bearer ${process.env.INTERCOM_ACCESS_TOKEN}` }\n');
  });

  test('Python: os.environ["INTERCOM_ACCESS_TOKEN"], and import os where the file lacks it', () => {
    assert.equal(fixed('app.py', `import requests\nTOKEN = "${TOKEN}"\n`), 'import os\nimport requests\nTOKEN = os.environ["INTERCOM_ACCESS_TOKEN"]\n');
    assert.equal(fixed('app.py', `import os, sys\nTOKEN = "${TOKEN}"\n`), 'import os, sys\nTOKEN = os.environ["INTERCOM_ACCESS_TOKEN"]\n');
    assert.equal(fixed('app.py', `"""Talks to Intercom."""\nfrom __future__ import annotations\nTOKEN = '${TOKEN}'\n`),
      '"""Talks to Intercom."""\nfrom __future__ import annotations\nimport os\nTOKEN = os.environ["INTERCOM_ACCESS_TOKEN"]\n');
    // An f-string is left to the developer: the diagnostic stands, without a fix.
    assert.deepEqual(only(analyze('app.py', `h = {"Authorization": f"Bearer ${TOKEN}"}\n`), 'intercom.secret-access-token').fixes, []);
  });

  test('Ruby, PHP and Go read the environment their way; Go gets the os import', () => {
    assert.equal(fixed('app.rb', `Intercom::Client.new(token: '${TOKEN}')\n`), 'Intercom::Client.new(token: ENV["INTERCOM_ACCESS_TOKEN"])\n');
    assert.equal(fixed('app.php', `<?php\n$client = new IntercomClient('${TOKEN}');\n`), "<?php\n$client = new IntercomClient(getenv('INTERCOM_ACCESS_TOKEN'));\n");
    assert.equal(fixed('main.go', `package main\n\nimport (\n\t"fmt"\n)\n\nvar token = "${TOKEN}"\n`), 'package main\n\nimport (\n\t"os"\n\t"fmt"\n)\n\nvar token = os.Getenv("INTERCOM_ACCESS_TOKEN")\n');
    assert.equal(fixed('main.go', `package main\n\nconst token = "${TOKEN}"\n`), 'package main\n\nimport "os"\n\nvar token = os.Getenv("INTERCOM_ACCESS_TOKEN")\n');
  });

  test('no fix where the language takes a constant only: a PHP class constant or property, a Go const block', () => {
    assert.deepEqual(only(analyze('a.php', `<?php\nclass Api {\n    const ACCESS_TOKEN = '${TOKEN}';\n}\n`), 'intercom.secret-access-token').fixes, []);
    assert.deepEqual(only(analyze('a.php', `<?php\nclass Api {\n    private $token = '${TOKEN}';\n}\n`), 'intercom.secret-access-token').fixes, []);
    assert.deepEqual(only(analyze('a.go', `package main\n\nconst (\n\tToken = "${TOKEN}"\n)\n`), 'intercom.secret-access-token').fixes, []);
  });

  test('a token in a comment is still a leak, without a fix; in test code too', () => {
    assert.deepEqual(only(analyze('app.py', `# TOKEN = "${TOKEN}"\n`), 'intercom.secret-access-token').fixes, []);
    assert.equal(only(analyze('test/fixtures.ts', `export const token = '${TOKEN}';\n`), 'intercom.secret-access-token').severity, 'warning');
  });

  test('not an access token: too short, cut short, spelled like an example, or not base64 of tok:', () => {
    assert.equal(isAccessToken(TOKEN), true);
    assert.equal(isAccessToken('dG9rOjBkZjUwMmMyX2I3MjdfNGVmNV85YmYzXzkxYzkzYTM5M2UyYToxOjA'), true, 'unpadded');
    assert.equal(isAccessToken('dG9rOg=='), false);
    assert.equal(isAccessToken('dG9rOm1vY2stemVuZGVzay1hcGktdG9rZW4tMTIzNDU='), false, 'tok:mock-zendesk-api-token-12345');
    assert.equal(isAccessToken('dG9rOjEyMzQ1Njc4OTA6QUJDREVGRw=='), false, 'tok:1234567890:ABCDEFG');
    const placeholder = 'placeholder="dG9rOmU5YzBlZmJiX2FiY2RlZjEyMzQ1Njc4OTA..."\n';
    assert.deepEqual(analyze('form.tsx', placeholder).diagnostics, []);
    const cut = `placeholder="${TOKEN.slice(0, 40)}..."\n`;
    assert.deepEqual(analyze('form.tsx', cut).diagnostics, []);
  });

  test('a client secret literal given to a client-secret name, in each language, becomes INTERCOM_CLIENT_SECRET', () => {
    const c = 'intercom.secret-client-secret' as const;
    assert.equal(fixed('oauth.js', `// Intercom OAuth\nconst INTERCOM_CLIENT_SECRET = '${SECRET}';\n`, c), '// Intercom OAuth\nconst INTERCOM_CLIENT_SECRET = process.env.INTERCOM_CLIENT_SECRET;\n');
    assert.equal(fixed('oauth.py', `import os\n# Intercom\noauth = OAuth(client_id="abc", client_secret="${SECRET}")\n`, c), 'import os\n# Intercom\noauth = OAuth(client_id="abc", client_secret=os.environ["INTERCOM_CLIENT_SECRET"])\n');
    assert.equal(fixed('oauth.rb', `# Intercom\nprovider :intercom, client_secret: '${SECRET}'\n`, c), '# Intercom\nprovider :intercom, client_secret: ENV["INTERCOM_CLIENT_SECRET"]\n');
    assert.equal(fixed('oauth.php', `<?php // Intercom\n$config = ['client_secret' => '${SECRET}'];\n`, c), "<?php // Intercom\n$config = ['client_secret' => getenv('INTERCOM_CLIENT_SECRET')];\n");
    assert.equal(fixed('oauth.go', `package main\n\nimport "os"\n\n// Intercom\nvar conf = oauth2.Config{ClientSecret: "${SECRET}"}\n`, c), 'package main\n\nimport "os"\n\n// Intercom\nvar conf = oauth2.Config{ClientSecret: os.Getenv("INTERCOM_CLIENT_SECRET")}\n');
  });

  test('not a client secret: placeholders, values read from elsewhere, test code, another service\'s, a comparison', () => {
    for (const value of ['your_client_secret', 'xxxxxxxxxxxxxxxxxxxx', 'changeme-0123456789', 'INTERCOM_CLIENT_SECRET_2', 'short1']) {
      assert.equal(looksLikeClientSecret(value), false, value);
    }
    const intercom = '// Intercom\n';
    const none = (file: string, text: string) => assert.deepEqual(flagged(text, analyze(file, intercom + text), 'intercom.secret-client-secret'), [], text);
    none('a.js', 'const clientSecret = process.env.INTERCOM_CLIENT_SECRET;\n');
    none('a.py', `client_secret = os.getenv("INTERCOM_CLIENT_SECRET", "")\n`);
    none('test/oauth.test.js', `const client_secret = '${SECRET}';\n`);
    none('a.js', `${'\n'.repeat(12)}const zendesk = { client_secret: '${SECRET}' };\n`);
    none('a.js', `if (client_secret == '${SECRET}') {}\n`);
    // Another OAuth app's, beside Intercom's in one config: its own line (or the one above) names it.
    const providers = [
      'module.exports = {',
      '  intercom: { clientId: process.env.INTERCOM_CLIENT_ID, clientSecret: process.env.INTERCOM_CLIENT_SECRET },',
      `  hubspot: { clientId: 'abc', clientSecret: '${SECRET}' },`,
      '  zendesk: {',
      `    client_secret: '${SECRET}',`,
      '  },',
      '};',
      '',
    ].join('\n');
    none('providers.js', providers);
    const unnamed = intercom + providers.replace('hubspot', 'support');
    assert.deepEqual(flagged(unnamed, analyze('providers.js', unnamed), 'intercom.secret-client-secret'), [SECRET], 'unnamed, the secret near Intercom is taken for its');
  });
});

suite('code analysis: client secret names found quickly', () => {
  test('the same matches as the client-secret regex tried at every position, on random code', () => {
    const everywhere = /(?<![\w$])([$@:]?(?:[A-Za-z][\w$]*?[_-]?)?client[_-]?secret)(['"]?)\s*(:=|=>|:|=|,)\s*(?=[fFrRbBuU]?['"`])/gi;
    const atoms = ['client', 'secret', 'CLIENT', 'Secret', '_', '-', '$', '@', ':', '=', '=>', ':=', ',', ' ', '"', "'", '`', 'a', 'X', '9', 'f', '\n', '.', '(', 'client_secret', 'clientSecret', 'x-client-secret'];
    let seed = 23;
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const shown = (ms: Iterable<RegExpMatchArray>): string[] => [...ms].map((m) => `${m.index}:${m[0]}|${m[2]}|${m[3]}`);
    for (let run = 0; run < 20000; run++) {
      let code = '';
      for (let i = 1 + random(25); i > 0; i--) code += atoms[random(atoms.length)];
      assert.deepEqual(shown(clientSecretNames(code)), shown(code.matchAll(everywhere)), JSON.stringify(code));
    }
  });
});
