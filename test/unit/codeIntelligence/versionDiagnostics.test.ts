import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/codeIntelligence/analyze';
import { pinnedVersions } from '../../../src/codeIntelligence/pinnedVersion';
import type { Catalog, Operation } from '../../../src/explorer/catalog';
import { analyze, applyFix, flagged, only } from './documents';

const TICKETS = "fetch('https://api.intercom.io/tickets', { method: 'POST', headers: { 'Intercom-Version': '2.8' } });\n";

/** A catalog of two versions where `getPerson` moved from /contacts/{id} to /people/{person_id}. */
function movedCatalog(): Catalog {
  const op = (path: string, version: string): Operation => ({
    method: 'GET', path, operationId: 'getPerson', tag: 'People', parameters: [], bodyFields: [], versions: [version], permission: 'unknown', docUrl: `https://example.test/${version}`,
  });
  const byVersion: Record<string, Operation[]> = { '2.1': [op('/contacts/{id}', '2.1')], '2.2': [op('/people/{person_id}', '2.2')] };
  return { versions: ['2.1', '2.2'], source: { url: '', commit: '' }, operations: (v) => byVersion[v] ?? [] };
}

suite('code analysis: version diagnostics', () => {
  test('an operation the pinned version lacks: the message gives the versions that have it', () => {
    const d = only(analyze('app.js', TICKETS), 'intercom.version-missing');
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, 'POST /tickets is not in Intercom-Version 2.8 (pinned in this file). Versions that have it: 2.9–Preview.');
    assert.match(d.reason, /#api-versions-in-the-code$/);
  });

  test('without a pin in the code, the intercom.apiVersion setting is the version', () => {
    const text = "fetch('https://api.intercom.io/tickets', { method: 'POST' });\n";
    const d = only(analyze('app.js', text, { pinnedVersionDefault: '2.8' }), 'intercom.version-missing');
    assert.match(d.message, /\(the intercom\.apiVersion setting\)/);
    assert.deepEqual(analyze('app.js', text).diagnostics.filter((x) => x.code.startsWith('intercom.version')), []);
  });

  test('an operation a later version removes: information, with the version that removes it', () => {
    const text = "fetch('https://api.intercom.io/help_center/sections', { method: 'GET', headers: { 'Intercom-Version': '2.9' } });\n";
    const d = only(analyze('app.js', text), 'intercom.version-removed');
    assert.equal(d.severity, 'information');
    assert.equal(d.message, 'GET /help_center/sections is removed in Intercom-Version 2.10. Versions that have it: 2.7–2.9.');
  });

  test('Preview is no upgrade: an operation only Preview lacks is not "removed"; one only Preview has is missing from 2.16', () => {
    const allowlist = "fetch('https://api.intercom.io/ip_allowlist', { method: 'GET', headers: { 'Intercom-Version': '2.16' } });\n";
    assert.deepEqual(analyze('a.js', allowlist).diagnostics, []);
    const search = "fetch('https://api.intercom.io/companies/search', { method: 'POST' });\n";
    assert.match(only(analyze('a.js', search), 'intercom.version-missing').message, /Versions that have it: Preview\.$/);
  });

  test('an operation that moved path: the message says where, and a quick fix rewrites the path keeping what the code interpolates', () => {
    const text = "fetch(`https://api.intercom.io/contacts/${contactId}?full=1`, { method: 'GET' });\n";
    const analysis = analyzeDocument({ file: 'a.js', languageId: 'javascript', text, pinnedVersionDefault: '2.2', catalog: movedCatalog(), gitTracked: false });
    const d = only(analysis, 'intercom.version-missing');
    assert.equal(d.message, 'GET /contacts/{id} is not in Intercom-Version 2.2 (the intercom.apiVersion setting): there getPerson is GET /people/{person_id}. This path is in 2.1.');
    assert.equal(d.fixes[0].title, 'Use /people/{person_id}, its path in 2.2');
    assert.equal(applyFix(text, d.fixes[0]), "fetch(`https://api.intercom.io/people/${contactId}?full=1`, { method: 'GET' });\n");
    // A path split over a concatenation is not rewritten: the literal does not hold it.
    const split = "const intercom = axios.create({ baseURL: 'https://api.intercom.io' });\nintercom.get('/contacts/' + contactId);\n";
    const splitAnalysis = analyzeDocument({ file: 'a.js', languageId: 'javascript', text: split, pinnedVersionDefault: '2.2', catalog: movedCatalog(), gitTracked: false });
    assert.deepEqual(only(splitAnalysis, 'intercom.version-missing').fixes, []);
  });

  test('an API 1.x endpoint the scope rules know (users, leads, bulk jobs) is in no 2.x version; not where 1.x is pinned, nor an SDK\'s without a pin', () => {
    const users = (version: string) => `requests.post('https://api.intercom.io/users', json=user, headers={'Intercom-Version': '${version}'})\n`;
    const d = only(analyze('app.py', users('2.11')), 'intercom.version-missing');
    assert.equal(d.message, 'POST /users is an API 1.x endpoint, which no version of the catalog (2.7–Preview) has: it is not in Intercom-Version 2.11 (pinned in this file).');
    assert.deepEqual(flagged(users('1.4'), analyze('app.py', users('1.4')), 'intercom.version-missing'), [], '1.4 has it');
    const scroll = "fetch('https://api.intercom.io/contacts/scroll?scroll_param=' + next);\n";
    assert.match(only(analyze('leads.js', scroll), 'intercom.version-missing').message, /^GET \/contacts\/scroll is an API 1\.x endpoint/);
    const sdk = "import Intercom from 'intercom-client';\nconst client = new Intercom.Client({ token });\nclient.users.create({ email });\n";
    assert.deepEqual(flagged(sdk, analyze('a.js', sdk), 'intercom.version-missing'), [], 'the SDK sends its own version, or none');
    // Not in the catalog and no API 1.x endpoint the rules know: nothing is claimed.
    const unknown = "fetch('https://api.intercom.io/widgets/42', { method: 'DELETE' });\n";
    assert.deepEqual(analyze('a.js', unknown).callSites.map((site) => `${site.operation.method} ${site.operation.path} ${site.methodSeen}`), ['DELETE /widgets/{id} true']);
    assert.deepEqual(flagged(unknown, analyze('a.js', unknown), 'intercom.version-missing'), []);
  });

  test('no claim without certainty: method not shown, SDK call without a pin, a pin the catalog lacks or the code computes', () => {
    assert.deepEqual(flagged("const u = 'https://api.intercom.io/tickets';\n", analyze('a.js', "const u = 'https://api.intercom.io/tickets';\n", { pinnedVersionDefault: '2.8' }), 'intercom.version-missing'), []);
    const sdk = "import { Client } from 'intercom-client';\nconst client = new Client({});\nclient.tickets.create({});\n";
    assert.deepEqual(analyze('a.ts', sdk, { pinnedVersionDefault: '2.8' }).diagnostics, []);
    const old = "fetch('https://api.intercom.io/tickets', { method: 'POST', headers: { 'Intercom-Version': 2.3 } });\n";
    assert.deepEqual(analyze('a.js', old).diagnostics, []);
    const computed = "fetch('https://api.intercom.io/tickets', { method: 'POST', headers: { 'Intercom-Version': VERSION } });\n";
    assert.deepEqual(analyze('a.js', computed, { pinnedVersionDefault: '2.8' }).diagnostics, []);
  });

  test('a path handed to a client set up in another file: its headers are not seen, so no version claim unless the file pins one', () => {
    const versionCodes = (file: string, text: string) => analyze(file, text).diagnostics.filter((d) => d.code.startsWith('intercom.version'));
    // The Python SDK's generated client: its base URL and headers are set in core/client_wrapper.py; the host
    // in its docstring is prose.
    const sdk = [
      'from ..core.client_wrapper import SyncClientWrapper',
      'from ..core.jsonable_encoder import jsonable_encoder',
      '',
      'class RawConversationsClient:',
      '    def run_assignment_rules(self, conversation_id: str):',
      '        """Send a `POST` request to `https://api.intercom.io/conversations/{id}/run_assignment_rules`."""',
      '        return self._client_wrapper.httpx_client.request(',
      '            f"conversations/{jsonable_encoder(conversation_id)}/run_assignment_rules",',
      '            method="POST",',
      '        )',
      '',
    ].join('\n');
    assert.deepEqual(versionCodes('src/intercom/conversations/raw_client.py', sdk), []);
    const pinned = sdk.replace('class RawConversationsClient:', 'HEADERS = {"Intercom-Version": "2.16"}\n\nclass RawConversationsClient:');
    assert.match(only(analyze('src/intercom/conversations/raw_client.py', pinned), 'intercom.version-missing').message, /\(pinned in this file\)/);
    // The same path handed to a client whose base URL (and so its headers) this file sets: the setting's version.
    const own = [
      'import httpx',
      '',
      'client = httpx.Client(base_url="https://api.intercom.io", headers={"Authorization": f"Bearer {token}"})',
      '',
      'def run_assignment_rules(conversation_id: str):',
      '    return client.request(',
      '        f"conversations/{conversation_id}/run_assignment_rules",',
      '        method="POST",',
      '    )',
      '',
    ].join('\n');
    assert.match(only(analyze('app/intercom.py', own), 'intercom.version-missing').message, /is not in Intercom-Version 2\.16 \(the intercom\.apiVersion setting\)/);
    // A call chained after the one given the path (superagent's `.query(…)`, a promise's `.then(…)`) is still a path
    // handed to a client configured elsewhere (hull-connectors' intercom agent).
    const chained = [
      'class IntercomAgent {',
      '  users() { return this.intercomClient.get("/users").query({ per_page: 1 }); }',
      '  bulk() { return this.intercomClient.post("/bulk/users", { items }).then((res) => res.body); }',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(analyze('server/lib/intercom-agent.js', chained).callSites.map((site) => `${site.operation.method} ${site.operation.path} ${site.headersElsewhere}`), [
      'GET /users true',
      'POST /bulk/users true',
    ]);
    assert.deepEqual(versionCodes('server/lib/intercom-agent.js', chained), []);
  });

  test('a call takes the version of its own headers, written after its URL', () => {
    const text = [
      "const base = { 'Intercom-Version': '2.16' };",
      "fetch('https://api.intercom.io/tickets', { method: 'POST', headers: { 'Intercom-Version': '2.8' } });",
      "fetch('https://api.intercom.io/tickets', { method: 'POST', headers: base });",
      '',
    ].join('\n');
    assert.deepEqual(analyze('a.js', text).diagnostics.map((d) => `${d.range.start.line}: ${d.code}`), ['1: intercom.version-missing']);
  });

  test('the Intercom-Version header as each language writes it', () => {
    const pins = (code: string) => pinnedVersions(code).map((p) => p.version);
    assert.deepEqual(pins("headers: { 'Intercom-Version': '2.11' }"), ['2.11']);
    assert.deepEqual(pins('headers = {"Intercom-Version": "2.10"}\nheaders["Intercom-Version"] = "2.9"'), ['2.10', '2.9']);
    assert.deepEqual(pins("{ 'Intercom-Version' => 'Unstable' }"), ['Preview']);
    assert.deepEqual(pins("curl_setopt($ch, CURLOPT_HTTPHEADER, ['Intercom-Version: 2.8']);"), ['2.8']);
    assert.deepEqual(pins('req.Header.Set("Intercom-Version", "2.13")'), ['2.13']);
    assert.deepEqual(pins('assert req.headers["Intercom-Version"] == "2.13"'), []);
    assert.deepEqual(pins('headers: { "X-Intercom-Version": "2.1" }'), []);
  });
});
