import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { capabilitiesForFindings, capabilityById, type Capability } from '../../../src/scopes/capabilities';
import type { Finding, Located } from '../../../src/scopes/finding';
import { matchOperation, parseOperation } from '../../../src/scopes/operations';
import { buildChecklist } from '../../../src/scopes/plan';
import { renderChecklist, type RenderOptions } from '../../../src/scopes/render';
import { scanText } from '../../../src/scopes/scanner';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/scopes');
const GOLDEN = path.join(FIXTURES, 'golden');
const LANGUAGES = ['go', 'js', 'php', 'python', 'ruby'];

/** Regenerate deliberately with UPDATE_GOLDEN=1, then review the diff. */
function assertGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} differs; rerun with UPDATE_GOLDEN=1 if the change is intended`);
}

function scanFixtures(): Finding[] {
  return LANGUAGES.flatMap((lang) =>
    fs.readdirSync(path.join(FIXTURES, lang)).sort().flatMap((name) => {
      const rel = `${lang}/${name}`;
      return scanText(rel, fs.readFileSync(path.join(FIXTURES, rel), 'utf8'));
    }),
  );
}

const link = (f: Located): string => `${f.file}#L${f.line}`;
const caps = (...ids: string[]): Capability[] => ids.map((id) => capabilityById(id)!);

function request(text: string, snippet: string, file = 'src/app.ts'): Finding {
  const operation = parseOperation(text);
  return { file, line: 4, column: 2, snippet, kind: 'rest', operation, methodSeen: true, rules: matchOperation(operation) };
}

suite('scopes render', () => {
  test('golden: the sample apps, with the capabilities their code implies', () => {
    const findings = scanFixtures();
    const scan = { scanned: 10, skipped: [], checkByHand: [], unknownCalls: [], unseenMethods: [] };
    const checklist = buildChecklist({ capabilities: capabilitiesForFindings(findings), findings, scan });
    assertGolden('sample-apps.md', renderChecklist(checklist, { link }));
  });

  test('golden: Canvas Kit, coverage, a deselected capability and unlisted labels', () => {
    const findings = scanText('js/intercom-app.ts', fs.readFileSync(path.join(FIXTURES, 'js/intercom-app.ts'), 'utf8'));
    const checklist = buildChecklist({
      capabilities: caps('canvas-kit', 'contacts.list', 'tags.list', 'admins.activity', 'conversations.delete-metrics', 'webhooks.job', 'webhooks.conversation'),
      findings,
      scan: {
        scanned: 41,
        skipped: [{ file: 'assets/logo.js', reason: 'binary' }, { file: 'gen/schema.ts', reason: 'too-slow' }, { file: 'lib/old.rb', reason: 'unreadable' }],
        checkByHand: ['src/intercom/http.ts', 'lib/intercom_client.rb'],
        unknownCalls: [],
        unseenMethods: [
          { file: 'src/intercom/transport.ts', line: 31, column: 12, snippet: 'return send(method, `${base}/conversations`)', target: { path: '/conversations' }, methods: ['GET', 'POST'] },
        ],
      },
    });
    const options: RenderOptions = { link: (f) => `../${f.file}#L${f.line}`, title: 'Scopes for Acme Helpdesk' };
    assertGolden('canvas-kit.md', renderChecklist(checklist, options));
  });

  test('golden: nothing chosen and nothing found', () => {
    assertGolden('empty.md', renderChecklist(buildChecklist({ capabilities: [] }), { link }));
  });

  test('with a token check: "Untick these first" comes before every section; the "inferred" caveat is said once, at the top', () => {
    const checklist = buildChecklist({ capabilities: caps('admins.list', 'contacts.list', 'conversations.reply') });
    const md = renderChecklist(checklist, { link, untick: ['Read tags', 'Read conversations'] });
    const untick = md.indexOf('## Untick these first');
    assert.ok(untick > 0 && untick < md.indexOf('## People & conversation data'), md);
    assert.deepEqual(md.split('\n').filter((l) => l.startsWith('- [ ] Untick ')), ['- [ ] Untick Read tags', '- [ ] Untick Read conversations']);
    assert.match(md, /does not need them/);
    assert.equal(md.match(/confirm/g)?.length, 1, 'the caveat once');
    assert.ok(md.indexOf('confirm') < untick, 'at the top');
    assert.doesNotMatch(renderChecklist(checklist, { link, untick: [] }), /Untick/, 'nothing to untick, no section');
    assert.doesNotMatch(renderChecklist(checklist, { link }), /Untick/, 'no check, no section');
  });

  test('renders one "- [ ] Label" line per ticked scope, in checklist order, under the Hub headings', () => {
    const checklist = buildChecklist({ capabilities: caps('admins.list', 'contacts.list', 'conversations.reply') });
    const md = renderChecklist(checklist, { link });
    const boxes = md.split('\n').filter((l) => l.startsWith('- [ ] '));
    assert.deepEqual(boxes, ['- [ ] Read and list users and companies', '- [ ] Write conversations', '- [ ] Read admins']);
    assert.ok(md.indexOf('## People & conversation data') < md.indexOf('- [ ] Write conversations'));
    assert.ok(md.indexOf('## Workspace data') < md.indexOf('- [ ] Read admins'));
  });

  test('is deterministic: the same checklist renders the same text (so a rerun can tell nothing changed)', () => {
    const checklist = buildChecklist({ capabilities: caps('contacts.list') });
    assert.equal(renderChecklist(checklist, { link }), renderChecklist(buildChecklist({ capabilities: caps('contacts.list') }), { link }));
  });

  test('escapes table cells and code, and wraps link targets that need it', () => {
    const finding = request('GET /contacts', "axios.get(`/contacts` || 'x|y')", 'my app/[src].ts');
    const md = renderChecklist(buildChecklist({ capabilities: caps('contacts.list'), findings: [finding] }), {
      link: (f) => `${f.file}#L${f.line}`,
    });
    assert.ok(md.includes("| `` axios.get(`/contacts` \\|\\| 'x\\|y') `` |"), md);
    assert.ok(md.includes('[my app/\\[src\\].ts:4](<my app/[src].ts#L4>)'), md);
  });

  test('says what was scanned and what not, never "tick exactly these"', () => {
    const scanned = renderChecklist(buildChecklist({ capabilities: caps('counts'), scan: { scanned: 3, skipped: [{ file: 'a.js', reason: 'too-large' }], checkByHand: ['b.py'], unknownCalls: [], unseenMethods: [] } }), { link });
    assert.doesNotMatch(scanned, /exactly/);
    assert.match(scanned, /The scan read 3 source files as text; 1 file could not be scanned \(see "Not scanned"\)\. 1 file talks to Intercom/);
    assert.match(scanned, /\n## Check these by hand\n\n.*\n\n- b\.py\n/);
    assert.match(scanned, /\n## Not scanned\n\n- a\.js — larger than 1 MB\n/);
    assert.match(renderChecklist(buildChecklist({ capabilities: caps('counts') }), { link }), /No code was scanned\./);
  });

  test('lists SDK calls no table knows under "Check these by hand", with their place and call', () => {
    const unknownCalls = [{ file: 'src/desk.ts', line: 7, column: 9, snippet: 'await intercom.contacts.scheduleArchive(id);', call: 'contacts.scheduleArchive' }];
    const md = renderChecklist(buildChecklist({ capabilities: caps('counts'), scan: { scanned: 3, skipped: [], checkByHand: [], unknownCalls, unseenMethods: [] } }), { link });
    assert.match(md, /The scan read 3 source files as text\. 1 Intercom SDK call uses a method the scan does not know \(see "Check these by hand"\)\./);
    assert.match(md, /\n## Check these by hand\n\n.*no SDK table knows.*\n\n- \[src\/desk\.ts:7\]\(src\/desk\.ts#L7\) `contacts\.scheduleArchive`\n/);
  });

  test('operations only a chosen capability brings are marked "not seen in code"', () => {
    const md = renderChecklist(buildChecklist({ capabilities: caps('counts', 'contacts.list'), findings: [request('GET /contacts', 'client.get("/contacts")')] }), { link });
    assert.match(md, /Why: `GET \/counts` \(inferred\) for "Count users, companies and conversations"; not seen in code\./);
    assert.match(md, /Why: `GET \/contacts` \(inferred\) for "List and search contacts", found at /);
  });

  test('the inferred-coverage note appears once', () => {
    const md = renderChecklist(buildChecklist({ capabilities: caps('contacts.list', 'tags.list', 'admins.list', 'admins.activity') }), { link });
    assert.equal(md.match(/inferred from the Developer Hub/g)?.length, 1, md);
  });
});
