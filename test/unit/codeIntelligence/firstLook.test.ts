import assert from 'node:assert/strict';
import { mayMentionIntercom } from '../../../src/codeIntelligence/firstLook';
import { scanText } from '../../../src/scopes/scanner';

// Calls the scanner finds in each language: the first look must never rule out their documents.
const CALLS: Readonly<Record<string, string>> = {
  'app.ts': "import { Client } from 'intercom-client';\nconst client = new Client({ tokenAuth: { token } });\nawait client.contacts.create({ email });\n",
  'app.py': 'import requests\nrequests.post("https://api.intercom.io/contacts/search", json=query)\n',
  'app.rb': "require 'intercom'\nintercom = Intercom::Client.new(token: ENV['T'])\nintercom.conversations.find(id: id)\n",
  'app.php': "<?php\nuse Intercom\\IntercomClient;\n$client = new IntercomClient($token);\n$client->users->create(['email' => $email]);\n",
  'app.go': 'package main\nimport intercom "gopkg.in/intercom/intercom-go.v2"\nfunc f(ic *intercom.Client) { ic.Users.FindByUserID("27") }\n',
};

suite('code analysis: the first look', () => {
  test('every document the scanner finds an Intercom call in passes it, in the five languages', () => {
    for (const [file, text] of Object.entries(CALLS)) {
      assert.ok(scanText(file, text).some((f) => f.kind !== 'webhook'), `the scanner finds a call in ${file}`);
      assert.equal(mayMentionIntercom(text), true, file);
    }
  });

  test('a mention in any case, an access token, or a signature header lets a document in', () => {
    assert.equal(mayMentionIntercom('// talks to INTERCOM\n'), true);
    assert.equal(mayMentionIntercom("const T = 'dG9rOmNkNDI4ZmQ3XzRhZjdf';\n"), true);
    assert.equal(mayMentionIntercom("const sig = req.headers['x-hub-signature'];\n"), true);
    assert.equal(mayMentionIntercom("sig = request.META['HTTP_X_BODY_SIGNATURE']\n"), true);
  });

  test('a file that imports the project\'s Intercom wrapper passes without naming Intercom', () => {
    const text = "import { desk } from './desk';\ndesk.post('/contacts/search', q);\n";
    assert.equal(mayMentionIntercom(text), false);
    assert.equal(mayMentionIntercom(text, { importsIntercom: true, names: new Set(['desk']) }), true);
  });

  test('everything else is ruled out: other APIs, a GitHub signature, no project context', () => {
    assert.equal(mayMentionIntercom("await fetch('https://api.example.com/contacts');\n"), false);
    assert.equal(mayMentionIntercom("const sig = req.headers['x-signature-sha256'];\n"), false);
    assert.equal(mayMentionIntercom('x = 1\n', { importsIntercom: false, names: new Set() }), false);
  });
});
