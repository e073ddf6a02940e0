import assert from 'node:assert/strict';
import { findingSubject } from '../../../src/scopes/finding';
import { scanFiles } from '../../../src/scopes/scanFiles';

/** Scans in-memory files; each finding as `file:line subject`. */
async function scan(files: Record<string, string>): Promise<string[]> {
  const result = await scanFiles(Object.keys(files), async (file) => files[file]);
  return result.findings.map((f) => `${f.file}:${f.line} ${findingSubject(f)}`);
}

const DESK = "import axios from 'axios';\nexport const desk = axios.create({ baseURL: 'https://api.intercom.io' });\n";

// Most files are settled by one quick look for a mention of Intercom, a webhook topic that counts
// without one, or an import. These tests pin down what that look must not rule out.
suite('scopes scanner: the first look rules out only files that cannot matter', () => {
  test('a file that does not mention Intercom: a two-part topic or a client call gives nothing, a distinctive topic counts', async () => {
    assert.deepEqual(await scan({
      'app/orders.rb': "HTTParty.post('https://api.example.com/tickets', body: { kind: 'ticket.created' })\nclient.contacts.create(email: email)\n",
      'app/hooks.rb': "HANDLED = ['ticket.created', 'conversation.admin.replied'].freeze\n",
      'app/desk.rb': "# Intercom webhooks\nHANDLED = ['ticket.created'].freeze\n",
    }), [
      'app/hooks.rb:1 conversation.admin.replied',
      'app/desk.rb:2 ticket.created',
    ]);
  });

  test('a file that does not mention Intercom still has its imports read, whatever comes first in it', async () => {
    assert.deepEqual(await scan({
      'src/desk.ts': DESK,
      // CommonJS: `require` is its only import word.
      'src/people.js': "const { desk } = require('./desk');\nexports.find = (q) => desk.post('/contacts/search', q);\n",
      // A distinctive topic before the import: the look stops at the topic, the import is still read.
      'src/replies.ts': "const TOPIC = 'conversation.admin.replied';\nimport { desk } from './desk';\nexport const reply = (id: string) => desk.post(`/conversations/${id}/reply`, {});\n",
      // No import word at all: nothing to follow, nothing found.
      'src/local.ts': "export const desk = { post: (path: string) => path };\ndesk.post('/contacts/search');\n",
    }), [
      'src/people.js:2 POST /contacts/search',
      'src/replies.ts:1 conversation.admin.replied',
      'src/replies.ts:3 POST /conversations/{id}/reply',
    ]);
  });
});
