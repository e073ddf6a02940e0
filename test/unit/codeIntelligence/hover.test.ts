import assert from 'node:assert/strict';
import { CALL_API, HOVER_COMMANDS, OPEN_AS_HTTP } from '../../../src/codeIntelligence/commands';
import { codeLens, hoverMarkdown } from '../../../src/codeIntelligence/hover';
import { loadCatalog } from '../../../src/explorer/catalog';
import { analyze } from './documents';

const VERSIONS = loadCatalog().versions;
const REPLY = "await fetch(`https://api.intercom.io/conversations/${id}/reply`, { method: 'POST' });\n";

const siteOf = (text: string, file = 'src/app.ts') => analyze(file, text).callSites[0];

/** Every `command:` link of a Markdown text: its command and its decoded arguments. */
function commandLinks(markdown: string): { command: string; args: unknown }[] {
  return [...markdown.matchAll(/\]\(command:([\w.]+)\?([^)\s]*)\)/g)].map((m) => ({ command: m[1], args: JSON.parse(decodeURIComponent(m[2])) }));
}

suite('code analysis: hover and CodeLens', () => {
  test('the operation, its permission with the stored check\'s ✓, its versions, its reference and the prefilled commands', () => {
    const markdown = hoverMarkdown(siteOf(REPLY), { 'Write conversations': 'granted' }, VERSIONS);
    const lines = markdown.split('\n\n');
    assert.equal(lines[0], '**POST** `/conversations/{conversation_id}/reply` — Reply conversation (`replyConversation`)');
    assert.equal(lines[1], 'Permission: Write conversations ✓ — granted, by the last scope check');
    assert.equal(lines[2], 'API versions: 2\\.7–Preview · this call uses 2\\.16 (intercom.apiVersion)');
    assert.ok(lines[3].startsWith('[Reference](https://developers.intercom.com/docs/references/2.16/rest-api/api.intercom.io/conversations/replyconversation) · '), lines[3]);
    const prefill = { version: '2.16', method: 'POST', path: '/conversations/{conversation_id}/reply', operationId: 'replyConversation', pathValues: {}, query: {} };
    assert.deepEqual(commandLinks(markdown), HOVER_COMMANDS.map((command) => ({ command, args: [prefill] })));
  });

  test('✗ when the check found the permission missing; no mark without a check; an SDK call names its method', () => {
    const site = siteOf("import { Client } from 'intercom-client';\nconst client = new Client({});\nclient.conversations.find({ id: '42' });\n");
    assert.match(hoverMarkdown(site, { 'Read conversations': 'missing' }, VERSIONS), /^Permission: Read conversations ✗ — missing from the connected token, by the last scope check$/m);
    const unchecked = hoverMarkdown(site, undefined, VERSIONS);
    assert.match(unchecked, /^Permission: Read conversations$/m);
    assert.match(unchecked, /^SDK call `conversations.find`$/m);
    assert.deepEqual((commandLinks(unchecked)[0].args as { pathValues: unknown }[])[0].pathValues, { conversation_id: '42' });
  });

  test('values from the code cannot add a link or a command: they travel JSON-encoded inside our links', () => {
    const text = "fetch('https://api.intercom.io/contacts/a)[x](command:intercom.disconnect)');\n";
    const markdown = hoverMarkdown(siteOf(text), undefined, VERSIONS);
    const links = commandLinks(markdown);
    assert.deepEqual(links.map((l) => l.command), HOVER_COMMANDS);
    assert.ok(!markdown.includes('command:intercom.disconnect'), markdown);
    assert.deepEqual((links[0].args as { pathValues: unknown }[])[0].pathValues, { contact_id: 'a)[x](command:intercom.disconnect)' });
  });

  test('a call the catalog does not have: the operation as read, no commands, and why', () => {
    const text = "require 'intercom'\nintercom = Intercom::Client.new(token: t)\nintercom.users.find(id: e)\n";
    const markdown = hoverMarkdown(siteOf(text, 'app.rb'), undefined, VERSIONS);
    assert.match(markdown, /^\*\*GET\*\* `\/users\/\{id\}`\n/);
    assert.deepEqual(commandLinks(markdown), []);
    assert.match(markdown, /No version of the API catalog \(2\\\.7–Preview\) has this operation: an API 1\.x endpoint\.$/);
    // One the scope rules do not know as API 1.x: either, as far as we know.
    const unknown = hoverMarkdown(siteOf("fetch('https://api.intercom.io/widgets/42', { method: 'DELETE' });\n"), undefined, VERSIONS);
    assert.match(unknown, /has this operation: an API 1\.x endpoint, or one Intercom does not document\.$/);
  });

  test('a call whose method the code does not show says so', () => {
    const markdown = hoverMarkdown(siteOf("const url = 'https://api.intercom.io/admins';\n"), undefined, VERSIONS);
    assert.match(markdown.split('\n\n')[0], /_\(the code does not show the method\)_$/);
  });

  test('the CodeLens: "Write conversations ✓ · Call…" running Call API, prefilled; only the permission off the catalog', () => {
    const lens = codeLens(siteOf(REPLY), { 'Write conversations': 'granted' });
    assert.equal(lens.title, 'Write conversations ✓ · Call…');
    assert.equal(lens.command?.id, CALL_API);
    assert.deepEqual(lens.command?.arguments, [{ version: '2.16', method: 'POST', path: '/conversations/{conversation_id}/reply', operationId: 'replyConversation', pathValues: {}, query: {} }]);
    const legacy = codeLens(siteOf("require 'intercom'\nintercom = Intercom::Client.new(token: t)\nintercom.users.find(email: e)\n", 'app.rb'), undefined);
    assert.deepEqual(legacy, { title: 'Read one user and one company or Read and list users and companies' });
    assert.ok(HOVER_COMMANDS.includes(OPEN_AS_HTTP));
  });
});
