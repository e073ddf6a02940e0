// Intercom in the code, in real documents of the fixture folder: the hover, each diagnostic, each quick fix
// applied, the test-file rule and the CodeLens, with a workspace in Europe connected to the fake Intercom and
// a scope check (run through Generate Scope Checklist) that found "Read conversations" missing.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { IntercomSession } from '../../src/session/model';
import { europeWorkspace, SCOPES } from '../fake-intercom';
import { pointAt, setUserSettings, startSandbox, type Sandbox } from './sandbox';
import { activateExtension, EXTENSION_ID, logText, ScriptedUi, until, type TestApi } from './support';

// base64('tok:cd428fd7_4af7_482a_b530_da855fd283a6:1:0'): the shape of an Intercom access token.
const TOKEN = 'dG9rOmNkNDI4ZmQ3XzRhZjdfNDgyYV9iNTMwX2RhODU1ZmQyODNhNjoxOjA=';
const CONVERSATIONS = "const list = await fetch('https://api.intercom.io/conversations', { method: 'GET' });\n";
const OLD_TICKETS = "await fetch('https://api.intercom.io/tickets', { method: 'POST', headers: { 'Intercom-Version': '2.8' } });\n";
const HOOK = [
  'import hashlib, hmac, json',
  "sig = request.headers.get('X-Hub-Signature')",
  "expected = 'sha1=' + hmac.new(secret, json.dumps(request.json).encode(), hashlib.sha1).hexdigest()",
  'if expected != sig:',
  '    abort(401)',
  '',
].join('\n');

type Code = 'intercom.version-missing' | 'intercom.version-removed' | 'intercom.permission-missing' | 'intercom.secret-access-token' | 'intercom.secret-client-secret'
  | 'intercom.signature-reserialised' | 'intercom.signature-compare' | 'intercom.signature-algorithm' | 'intercom.signature-header' | 'intercom.region-host';

const codeOf = (d: vscode.Diagnostic): string | undefined => (d.source === 'Intercom' && typeof d.code === 'object' ? String(d.code.value) : undefined);

const bundleLoaded = (): boolean => {
  const file = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'codeIntelligence.js');
  return Object.keys(require.cache).includes(file);
};

suite('Intercom in the code (real extension host)', function () {
  this.timeout(60_000);
  let api: TestApi;
  let box: Sandbox;
  let ui: ScriptedUi;
  let session: IntercomSession;
  const folder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
  const CODE_DIR = 'intercom-code';

  /** Writes the file in the folder and opens it in an editor. */
  const open = async (rel: string, text: string): Promise<vscode.TextDocument> => {
    const file = path.join(folder(), CODE_DIR, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    return document;
  };
  const ours = (document: vscode.TextDocument, code: Code) => vscode.languages.getDiagnostics(document.uri).filter((d) => codeOf(d) === code);
  /** The diagnostics with a code, once the analysis gave at least one. */
  const diagnostics = (document: vscode.TextDocument, code: Code) => until(() => { const found = ours(document, code); return found.length > 0 && found; }, `a ${code} diagnostic in ${path.basename(document.fileName)}`);
  const quickFixes = (document: vscode.TextDocument, diagnostic: vscode.Diagnostic) =>
    vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  /** Applies the quick fix titled `title` and returns the document's text after it. */
  const applyFix = async (document: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: RegExp): Promise<string> => {
    const actions = await quickFixes(document, diagnostic);
    const action = actions.find((a) => title.test(a.title));
    assert.ok(action?.edit, `a quick fix ${title} among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    return document.getText();
  };
  const hoverText = async (document: vscode.TextDocument, at: string): Promise<string> => {
    const position = document.positionAt(document.getText().indexOf(at) + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
    return texts.find((t) => t.includes('API versions') || t.includes('No version of the API catalog')) ?? '';
  };

  suiteSetup(async () => {
    api = await activateExtension();
    box = await startSandbox();
    await pointAt(box.fake, { apiVersion: '2.11' });
    ui = new ScriptedUi();
    api.ui.current = ui;
    await api.sessions.remove((await api.sessions.list()).map((s) => s.id));
    // A workspace in Europe whose token may read admins and contacts, not conversations.
    ui.answerInputs(box.fake.addToken(undefined, europeWorkspace(), [SCOPES.readAdmins, SCOPES.readUsersCompanies]));
    session = await vscode.commands.executeCommand<IntercomSession>('intercom.connectWithAccessToken');
    assert.equal(session?.region, 'eu', JSON.stringify(ui.shown));
    // The scope check, as a person runs it: the scan's preselection, then "Check against …".
    ui.answerPicks((items) => items.filter((i) => i.picked), (items) => items[0]);
    assert.ok(await vscode.commands.executeCommand('intercom.generateScopeChecklist'), JSON.stringify(ui.shown));
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.sessions.remove((await api.sessions.list()).map((s) => s.id));
    await box.fake.close();
    await setUserSettings({ 'advanced.appBaseUrl': undefined, 'advanced.apiBaseUrl': undefined, apiVersion: undefined, 'codeIntelligence.codeLens': undefined });
    fs.rmSync(path.join(folder(), CODE_DIR), { recursive: true, force: true });
    fs.rmSync(path.join(folder(), 'INTERCOM_SCOPES.md'), { force: true });
  });
  setup(async () => {
    ui = new ScriptedUi();
    api.ui.current = ui;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a document edited to mention Intercom loads the analysis bundle, which then flags it', async () => {
    assert.equal(bundleLoaded(), false, 'precondition: no open document has mentioned Intercom yet');
    const document = await open('plain.js', 'const answer = 42;\n');
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), CONVERSATIONS));
    await diagnostics(document, 'intercom.region-host');
    assert.ok(bundleLoaded());
  });

  test('the hover: operation, permission with the scope check\'s ✗, versions, reference and prefilled commands that run', async () => {
    const document = await open('conversations.js', CONVERSATIONS);
    await diagnostics(document, 'intercom.permission-missing');
    const text = await hoverText(document, 'api.intercom.io/conversations');
    assert.match(text, /\*\*GET\*\* `\/conversations` — .+ \(`listConversations`\)/);
    assert.match(text, /Permission: Read conversations ✗ — missing from the connected token, by the last scope check/);
    // Markdown escapes the dots of the versions.
    assert.match(text, /API versions: 2\\\.7–.* · this call uses 2\\\.11 \(intercom\.apiVersion\)/);
    assert.match(text, /\[Reference\]\(https:\/\/developers\.intercom\.com\/docs\/references\/2\.11\/rest-api\/api\.intercom\.io\/conversations\/listconversations\)/);
    for (const command of ['intercom.callApi', 'intercom.copySnippet', 'intercom.openAsHttp']) assert.match(text, new RegExp(`\\]\\(command:${command.replace('.', '\\.')}\\?`));

    // Call API… from a call with an id in the code: the prompt offers that id.
    const contact = await open('contact.js', "await fetch('https://api.intercom.io/contacts/6657add46abd0167d9419cd2', { method: 'GET' });\n");
    const link = /\[Call API…\]\(command:intercom\.callApi\?([^)]+)\)/.exec(await until(() => hoverText(contact, 'api.intercom.io/contacts'), 'the contact call\'s hover'));
    assert.ok(link, 'a Call API… link');
    ui.answerInputs((options) => options.value);
    await vscode.commands.executeCommand('intercom.callApi', ...JSON.parse(decodeURIComponent(link[1])));
    assert.equal(ui.prompts[0]?.value, '6657add46abd0167d9419cd2', 'the path parameter is prefilled');
    assert.ok(box.fake.requests.some((r) => r.method === 'GET' && r.path === '/contacts/6657add46abd0167d9419cd2'), 'the call went out with the id from the code');
  });

  test('version: an operation the pinned Intercom-Version lacks, with the versions that have it', async () => {
    const document = await open('tickets.js', OLD_TICKETS);
    const [d] = await diagnostics(document, 'intercom.version-missing');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /POST \/tickets is not in Intercom-Version 2\.8 \(pinned in this file\)\. Versions that have it: 2\.9–/);
    assert.equal(typeof d.code === 'object' && d.code.target.toString(), 'https://github.com/seedworks/intercom-devtools#api-versions-in-the-code');
  });

  test('permission: flagged from the scope check, with "Add to the scope checklist" and "Run the scope check again"; not in test files', async () => {
    const document = await open('conversations.js', CONVERSATIONS);
    const [d] = await diagnostics(document, 'intercom.permission-missing');
    assert.match(d.message, /"Read conversations" missing from the connected token/);
    // The region diagnostic on the host inside the call has its own fix, an edit: the permission's run commands.
    const actions = (await quickFixes(document, d)).filter((a) => a.command);
    assert.deepEqual(actions.map((a) => a.command?.command), ['intercom.addPermissionToChecklist', 'intercom.generateScopeChecklist']);
    const add = actions[0].command!;
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(add.command, ...(add.arguments ?? []));
    assert.equal(path.basename(editor.document.fileName), 'INTERCOM_SCOPES.md');
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^- \[[ x]\] Read conversations$/);

    // Test code: the same call gets its hover but no permission diagnostic (the version one shows it was analysed).
    const inTest = await open('test/conversations.test.js', `${CONVERSATIONS}${OLD_TICKETS}`);
    await diagnostics(inTest, 'intercom.version-missing');
    assert.deepEqual(ours(inTest, 'intercom.permission-missing'), []);
    assert.match(await hoverText(inTest, 'api.intercom.io/conversations'), /Read conversations ✗/);
  });

  test('secret: a warning, read from INTERCOM_ACCESS_TOKEN by the quick fix; an error where git tracks the file', async () => {
    const text = `// Intercom\nconst TOKEN = '${TOKEN}';\n`;
    const document = await open('token.js', text);
    const [d] = await diagnostics(document, 'intercom.secret-access-token');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, 'the folder is not tracked by git here');
    assert.equal(document.getText(d.range), TOKEN);
    assert.equal(await applyFix(document, d, /INTERCOM_ACCESS_TOKEN/), '// Intercom\nconst TOKEN = process.env.INTERCOM_ACCESS_TOKEN;\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    const repo = path.join(folder(), CODE_DIR, 'tracked');
    fs.mkdirSync(repo, { recursive: true });
    fs.writeFileSync(path.join(repo, 'token.js'), text);
    execFileSync('git', ['init', '-q'], { cwd: repo });
    execFileSync('git', ['add', 'token.js'], { cwd: repo });
    const tracked = await open('tracked/token.js', text);
    const error = await until(() => ours(tracked, 'intercom.secret-access-token').find((x) => x.severity === vscode.DiagnosticSeverity.Error), 'an error once git answers');
    assert.match(error.message, /Git tracks this file/);
  });

  test('signature: a re-serialised body, and a plain != made constant-time by the quick fix', async () => {
    const document = await open('hooks.py', HOOK);
    const [reserialised] = await diagnostics(document, 'intercom.signature-reserialised');
    assert.equal(document.getText(reserialised.range), 'json.dumps(request.json)');
    const [compare] = await diagnostics(document, 'intercom.signature-compare');
    assert.equal(document.getText(compare.range), 'expected != sig');
    const after = await applyFix(document, compare, /Compare with/);
    assert.match(after, /\nif not hmac\.compare_digest\(expected, sig\):\n/);
  });

  test('signature: SHA-256 for X-Hub-Signature made SHA-1 by the quick fix; GitHub\'s X-Hub-Signature-256 read for Intercom', async () => {
    const sha256 = await open('sha256.js', [
      "app.post('/intercom', express.raw({ type: 'application/json' }), (req, res) => {",
      "  const received = req.headers['x-hub-signature'];",
      "  const digest = crypto.createHmac('sha256', process.env.CLIENT_SECRET).update(req.body).digest('hex');",
      '});',
      '',
    ].join('\n'));
    const [algorithm] = await diagnostics(sha256, 'intercom.signature-algorithm');
    assert.equal(sha256.getText(algorithm.range), 'sha256');
    assert.match(await applyFix(sha256, algorithm, /Use SHA1/), /createHmac\('sha1', process\.env\.CLIENT_SECRET\)/);

    const github = await open('hub256.py', [
      '@app.post("/webhooks/intercom")',
      'async def intercom_webhook(request: Request):',
      '    signature = request.headers.get("X-Hub-Signature-256", "")',
      '',
    ].join('\n'));
    const [header] = await diagnostics(github, 'intercom.signature-header');
    assert.equal(github.getText(header.range), '"X-Hub-Signature-256"');
    assert.match(header.message, /Intercom sends no X-Hub-Signature-256/);
  });

  test('secret and version: a client secret read from INTERCOM_CLIENT_SECRET by the quick fix; an operation a later version removes', async () => {
    const secret = await open('oauth.js', "// Intercom OAuth\nconst INTERCOM_CLIENT_SECRET = 'f2188099-cf86-4217-903a-1bb5a3a51005';\n");
    const [d] = await diagnostics(secret, 'intercom.secret-client-secret');
    assert.equal(await applyFix(secret, d, /INTERCOM_CLIENT_SECRET/), '// Intercom OAuth\nconst INTERCOM_CLIENT_SECRET = process.env.INTERCOM_CLIENT_SECRET;\n');

    const sections = await open('sections.js', "await fetch('https://api.intercom.io/help_center/sections', { method: 'GET', headers: { 'Intercom-Version': '2.9' } });\n");
    const [removed] = await diagnostics(sections, 'intercom.version-removed');
    assert.equal(removed.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(removed.message, 'GET /help_center/sections is removed in Intercom-Version 2.10. Versions that have it: 2.7–2.9.');
  });

  test('region: the US host in a workspace in Europe, rewritten to the EU host by the quick fix', async () => {
    const document = await open('region.js', CONVERSATIONS);
    const [d] = await diagnostics(document, 'intercom.region-host');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(await applyFix(document, d, /api\.eu\.intercom\.io/), CONVERSATIONS.replace('api.intercom.io', 'api.eu.intercom.io'));
  });

  test('a crafted document whose analysis runs over its budget is left unanalysed, and the log says so', async () => {
    // A URL constant on every line (2.4 MB), each costly to follow: seconds of work without the budget.
    const lines = Array.from({ length: 60_000 }, (_, i) => `C${i} = "https://api.intercom.io/contacts"`);
    const document = await open('crafted.py', `${lines.join('\n')}\n`);
    await until(async () => (await logText(api)).includes('crafted.py is not analysed') || undefined, 'the log line saying crafted.py is not analysed', 30_000);
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri).filter((d) => codeOf(d) !== undefined), [], 'no region-host on its US host: it was not analysed');
  });

  test('CodeLens: off by default; on, "Read conversations ✗ · Call…" above the call', async () => {
    const document = await open('lens.js', CONVERSATIONS);
    await diagnostics(document, 'intercom.permission-missing');
    const lenses = () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
    const titles = async () => (await lenses()).map((l) => l.command?.title).filter((t) => t?.includes('Call…'));
    assert.deepEqual(await titles(), []);
    await setUserSettings({ 'codeIntelligence.codeLens': true });
    assert.deepEqual(await titles(), ['Read conversations ✗ · Call…']);
    assert.equal((await lenses()).find((l) => l.command?.title.includes('Call…'))?.command?.command, 'intercom.callApi');
  });
});
