import assert from 'node:assert/strict';
import type { CallSite } from '../../../src/codeIntelligence/callSites';
import { analyze, covered } from './documents';

/** Each call site as "covered text → METHOD /catalog/path operationId [versions] {values}". */
function sites(file: string, text: string, languageId?: string): string[] {
  const { callSites } = analyze(file, text, languageId ? { languageId } : {});
  return callSites.map((s: CallSite) => {
    const facts = s.catalog ? `${s.catalog.operation.method} ${s.catalog.operation.path} ${s.catalog.operation.operationId} @${s.catalog.version}` : `${s.operation.method} ${s.operation.path} (not in the catalog)`;
    const values = { ...s.values.path, ...s.values.query };
    return `${covered(text, s.range)} → ${facts}${Object.keys(values).length ? ` ${JSON.stringify(values)}` : ''}`;
  });
}

suite('code analysis: call sites', () => {
  test('JS/TS: an SDK call covers its chain, a URL literal covers the literal, with the catalog\'s operation', () => {
    const text = [
      "import { Client } from 'intercom-client';",
      'const client = new Client({ tokenAuth: { token } });',
      'await client.contacts.create({ email });',
      "await client.conversations.find({ id: '215' });",
      "await fetch(`https://api.intercom.io/conversations/${id}/reply`, { method: 'POST' });",
      '',
    ].join('\n');
    assert.deepEqual(sites('src/app.ts', text), [
      'client.contacts.create → POST /contacts CreateContact @2.16',
      'client.conversations.find → GET /conversations/{conversation_id} retrieveConversation @2.16 {"conversation_id":"215"}',
      '`https://api.intercom.io/conversations/${id}/reply` → POST /conversations/{conversation_id}/reply replyConversation @2.16',
    ]);
  });

  test('Python: an f-string URL keeps the ids and query values it writes out; an SDK call its literal id', () => {
    const text = [
      'import requests',
      'r = requests.get(f"https://api.intercom.io/contacts/5f2b1c8e9d?per_page=50", headers=h)',
      'from intercom.client import Client',
      "intercom = Client(personal_access_token=token)",
      "intercom.conversations.find(id='123')",
      '',
    ].join('\n');
    assert.deepEqual(sites('app.py', text), [
      '"https://api.intercom.io/contacts/5f2b1c8e9d?per_page=50" → GET /contacts/{contact_id} ShowContact @2.16 {"contact_id":"5f2b1c8e9d","per_page":"50"}',
      'intercom.conversations.find → GET /conversations/{conversation_id} retrieveConversation @2.16 {"conversation_id":"123"}',
    ]);
  });

  test('Ruby, PHP and Go: SDK calls; an API 1.x call the catalog does not have keeps the scanner\'s operation', () => {
    assert.deepEqual(sites('app.rb', "require 'intercom'\nintercom = Intercom::Client.new(token: t)\nintercom.conversations.find(id: '123')\n"), [
      'intercom.conversations.find → GET /conversations/{conversation_id} retrieveConversation @2.16 {"conversation_id":"123"}',
    ]);
    assert.deepEqual(sites('app.php', "<?php\nuse Intercom\\IntercomClient;\n$client = new IntercomClient($t);\n$client->contacts->create(['email' => $e]);\n"), [
      '$client->contacts->create → POST /contacts CreateContact @2.16',
    ]);
    assert.deepEqual(sites('main.go', 'package main\nimport intercom "gopkg.in/intercom/intercom-go.v2"\nfunc f(ic *intercom.Client) {\n\tic.Conversations.Find("123")\n\tic.Users.FindByUserID("27")\n}\n'), [
      'ic.Conversations.Find → GET /conversations/{conversation_id} retrieveConversation @2.16 {"conversation_id":"123"}',
      'ic.Users.FindByUserID → GET /users (not in the catalog)',
    ]);
  });

  test('a word of the path fills a catalog slot only where the scope rules know no operation by that path', () => {
    const text = [
      "const intercom = axios.create({ baseURL: 'https://api.intercom.io' });",
      "await intercom.get('/contacts/scroll');",
      "await intercom.post('/conversations/last/reply', reply);",
      '',
    ].join('\n');
    assert.deepEqual(sites('src/app.js', text), [
      "intercom.get('/contacts/scroll' → GET /contacts/scroll (not in the catalog)",
      "intercom.post('/conversations/last/reply' → POST /conversations/{conversation_id}/reply replyConversation @2.16 {\"conversation_id\":\"last\"}",
    ]);
  });

  test('a REST client call covers the receiver and the path literal handed to it; interpolated parts give no value', () => {
    const text = "const intercom = axios.create({ baseURL: 'https://api.intercom.io' });\nintercom.get(`/contacts/${contactId}`);\nintercom.post('/contacts/search', q);\n";
    assert.deepEqual(sites('api.js', text), [
      'intercom.get(`/contacts/${contactId}` → GET /contacts/{contact_id} ShowContact @2.16',
      "intercom.post('/contacts/search' → POST /contacts/search SearchContacts @2.16",
    ]);
  });

  test('the version shown is the one the code pins when it has the operation, else the newest that does', () => {
    const text = "fetch('https://api.intercom.io/conversations/1/reply', { method: 'POST', headers: { 'Intercom-Version': '2.8' } });\nfetch('https://api.intercom.io/tickets', { method: 'POST', headers: { 'Intercom-Version': '2.8' } });\n";
    assert.deepEqual(sites('a.js', text), [
      "'https://api.intercom.io/conversations/1/reply' → POST /conversations/{id}/reply replyConversation @2.8 {\"id\":\"1\"}",
      "'https://api.intercom.io/tickets' → POST /tickets createTicket @2.16",
    ]);
  });

  test('test files get the same call sites; an untitled document is read in its language', () => {
    // Read as Python, the commented-out call is no call.
    const text = "import requests\n# requests.get('https://api.intercom.io/me')\nrequests.get('https://api.intercom.io/admins')\n";
    assert.deepEqual(sites('tests/test_admins.py', text), ["'https://api.intercom.io/admins' → GET /admins listAdmins @2.16"]);
    assert.deepEqual(sites('Untitled-1', text, 'python'), ["'https://api.intercom.io/admins' → GET /admins listAdmins @2.16"]);
  });

  test('a usage example in a Python docstring is no call', () => {
    const text = 'from intercom import Intercom\n\ndef reply(client):\n    """\n    client.conversations.reply(conversation_id="1")\n    """\n    return client.conversations.find(conversation_id="1")\n';
    assert.deepEqual(sites('app.py', text), [
      'client.conversations.find → GET /conversations/{conversation_id} retrieveConversation @2.16 {"conversation_id":"1"}',
    ]);
  });

  test('a document in another language, or that does not mention Intercom, gives nothing', () => {
    assert.deepEqual(sites('notes.md', "fetch('https://api.intercom.io/admins')", 'markdown'), []);
    assert.deepEqual(sites('a.js', "fetch('https://api.example.com/admins');\n"), []);
  });
});
