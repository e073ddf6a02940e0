import assert from 'node:assert/strict';
import { ADD_TO_CHECKLIST, RUN_SCOPE_CHECK } from '../../../src/codeIntelligence/commands';
import { analyze, flagged, only } from './documents';

const CALLS: Readonly<Record<string, string>> = {
  'app.ts': "await fetch(`https://api.intercom.io/conversations/${id}/reply`, { method: 'POST' });\n",
  'app.py': 'import requests\nrequests.post(f"https://api.intercom.io/conversations/{cid}/reply", json=body)\n',
  'app.rb': "require 'intercom'\nintercom = Intercom::Client.new(token: t)\nintercom.conversations.reply(id: id, type: 'admin', body: b)\n",
  'app.php': "<?php\nuse Intercom\\IntercomClient;\n$client = new IntercomClient($t);\n$client->conversations->replyToConversation($id, $reply);\n",
  'main.go': 'package main\nimport intercom "gopkg.in/intercom/intercom-go.v2"\nfunc f(ic *intercom.Client) { ic.Conversations.Reply(id, &admin, intercom.CONVERSATION_COMMENT, "Hi") }\n',
};
const MISSING = { 'Write conversations': 'missing' } as const;

suite('code analysis: permission diagnostics', () => {
  test('a call whose permission the stored scope check found missing, in each language, with its two quick fixes', () => {
    for (const [file, text] of Object.entries(CALLS)) {
      const d = only(analyze(file, text, { scopeCheck: MISSING }), 'intercom.permission-missing');
      assert.equal(d.severity, 'warning', file);
      assert.match(d.message, /^The last scope check found "Write conversations" missing from the connected token; POST \/conversations\/\{[a-z_]+\}\/reply needs it\./, file);
      assert.deepEqual(d.fixes, [
        { kind: 'command', title: 'Add "Write conversations" to the scope checklist', command: ADD_TO_CHECKLIST, arguments: ['Write conversations'] },
        { kind: 'command', title: 'Run the scope check again', command: RUN_SCOPE_CHECK, arguments: [] },
      ], file);
    }
  });

  test('where any one of several permissions suffices, all must be missing; the narrowest is the one to add', () => {
    const text = "fetch(`https://api.intercom.io/contacts/${id}`, { method: 'GET' });\n";
    assert.deepEqual(analyze('a.ts', text, { scopeCheck: { 'Read one user and one company': 'missing', 'Read and list users and companies': 'granted' } }).diagnostics, []);
    assert.deepEqual(analyze('a.ts', text, { scopeCheck: { 'Read one user and one company': 'missing' } }).diagnostics, []);
    const d = only(analyze('a.ts', text, { scopeCheck: { 'Read one user and one company': 'missing', 'Read and list users and companies': 'missing' } }), 'intercom.permission-missing');
    assert.deepEqual(d.fixes[0].kind === 'command' && d.fixes[0].arguments, ['Read one user and one company']);
  });

  test('no diagnostic: granted, no stored check, test code, a method the code does not show, no permission needed', () => {
    const text = CALLS['app.ts'];
    assert.deepEqual(analyze('app.ts', text, { scopeCheck: { 'Write conversations': 'granted' } }).diagnostics, []);
    assert.deepEqual(analyze('app.ts', text).diagnostics, []);
    assert.deepEqual(analyze('test/reply.test.ts', text, { scopeCheck: MISSING }).diagnostics, []);
    assert.equal(analyze('test/reply.test.ts', text, { scopeCheck: MISSING }).callSites.length, 1);
    const unseen = "const url = 'https://api.intercom.io/conversations';\n";
    assert.deepEqual(flagged(unseen, analyze('a.ts', unseen, { scopeCheck: { 'Read conversations': 'missing' } }), 'intercom.permission-missing'), []);
    const token = "fetch('https://api.intercom.io/auth/eagle/token', { method: 'POST' });\n";
    assert.deepEqual(analyze('a.ts', token, { scopeCheck: MISSING }).diagnostics, []);
  });
});
