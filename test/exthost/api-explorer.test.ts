// The API view, Call API, response tabs, history and the language-model tools, in the real extension host
// against the fake Intercom.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { loadCatalog } from '../../src/explorer/catalog';
import type { ApiNode } from '../../src/features/explorer/apiTree';
import type { IntercomSession } from '../../src/session/model';
import { SCOPES as FAKE_SCOPES } from '../fake-intercom';
import { setUserSettings, useSandbox, type Sandbox } from './sandbox';
import { ScriptedUi, until, type TestApi } from './support';

type Item = vscode.QuickPickItem;

suite('API explorer (real extension host, fake Intercom)', function () {
  this.timeout(60_000);
  let api: TestApi;
  let ui: ScriptedUi;
  let box: Sandbox;

  const tree = () => api.explorer.tree;
  const children = async (node?: ApiNode) => (await tree().getChildren(node)) ?? [];
  const item = async (node: ApiNode) => tree().getTreeItem(node);
  /** Every operation row of the view: "METHOD /path" → its node and description. */
  const operationRows = async () => {
    const rows = new Map<string, { node: ApiNode; description: string }>();
    for (const tag of await children()) {
      for (const node of await children(tag)) {
        if (node.kind === 'operation') rows.set(`${node.operation.method} ${node.operation.path}`, { node, description: String((await item(node)).description) });
      }
    }
    return rows;
  };
  const connect = async (scopes?: string[]): Promise<IntercomSession> => {
    ui.answerInputs(box.fake.addToken(undefined, undefined, scopes));
    const session = await vscode.commands.executeCommand<IntercomSession>('intercom.connectWithAccessToken');
    assert.ok(session, JSON.stringify(ui.shown));
    box.fake.reset();
    return session;
  };
  const pickOperation = (label: string) => (items: readonly Item[]) => items.find((i) => i.label === label);
  const callApi = (node?: ApiNode) => vscode.commands.executeCommand<vscode.TextEditor | undefined>('intercom.callApi', node);
  const toolText = async (name: string, input: object) => {
    const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
    return result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
  };

  useSandbox({ apiVersion: '2.11' }, (s) => ({ api, ui, box } = s));

  test('the view lists the version in use by tag, the filter narrows it, and no ✓/✗ shows without a scope check', async () => {
    const rows = await operationRows();
    assert.equal(rows.size, loadCatalog().operations('2.11').length);
    assert.ok((await children()).some((t) => t.kind === 'tag' && t.tag === 'Contacts'));
    await connect();
    const list = (await operationRows()).get('GET /contacts');
    assert.equal(list?.description, 'List contacts · Read and list users and companies', 'no mark: no check was stored');
    assert.equal((await item(list!.node)).label, 'GET /contacts', 'the method as text, then the path');

    await setUserSettings({ apiVersion: '2.7' });
    await until(async () => (await operationRows()).size === loadCatalog().operations('2.7').length || undefined, 'the 2.7 operations');
    await setUserSettings({ apiVersion: '9.9' });
    assert.deepEqual(await children(), []);
    assert.match(api.explorer.view.message ?? '', /^The catalog has no Intercom-Version 9\.9 \(setting intercom\.apiVersion\); it has 2\.7, .*, Preview\.$/);
    await setUserSettings({ apiVersion: '2.11' });
    await children();
    assert.equal(api.explorer.view.message, undefined);

    ui.answerInputs('get contacts TAGS');
    await vscode.commands.executeCommand('intercom.filterApi');
    assert.deepEqual([...(await operationRows()).keys()], ['GET /contacts/{contact_id}/tags']);
    await vscode.commands.executeCommand('intercom.clearApiFilter');
    assert.equal((await operationRows()).size, loadCatalog().operations('2.11').length);
  });

  test('after a scope check, rows show ✓ for a granted permission and ✗ for a missing one', async () => {
    await connect([FAKE_SCOPES.readAdmins, FAKE_SCOPES.readUsersCompanies]);
    ui.answerPicks((items) => items.filter((i) => i.picked), (items) => items[0]);
    const checklist = await vscode.commands.executeCommand<vscode.TextDocument>('intercom.generateScopeChecklist');
    assert.ok(checklist, JSON.stringify(ui.shown));
    const rows = await operationRows();
    assert.match(rows.get('GET /contacts')?.description ?? '', / ✓$/);
    assert.match(rows.get('GET /conversations')?.description ?? '', / ✗$/);
    assert.doesNotMatch(rows.get('POST /contacts')?.description ?? '', /[✓✗]/, 'a write permission is never probed');
    await vscode.workspace.fs.delete(checklist.uri, { useTrash: false });
  });

  test('Call API from the palette: a GET runs at once with Intercom-Version; its tab shows status, request id, rate limits and body', async () => {
    await connect();
    ui.answerPicks(pickOperation('GET /contacts'), () => []);
    const editor = await callApi();
    assert.ok(editor, JSON.stringify(ui.shown));
    const sent = box.fake.lastRequest('GET /contacts');
    assert.equal(sent?.headers['intercom-version'], '2.11');
    assert.match(String(sent?.headers.authorization), /^Bearer /);
    assert.deepEqual(ui.confirmations, [], 'a GET asks nothing');
    const { document } = editor;
    assert.equal(document.uri.scheme, 'intercom-api');
    assert.equal(document.languageId, 'jsonc');
    const text = document.getText();
    assert.match(text, /^\/\/ GET \/contacts → 200 in \d+ ms$/m);
    assert.match(text, /^\/\/ Request id: \S+$/m);
    assert.match(text, /^\/\/ X-RateLimit-Limit: \d+ · X-RateLimit-Remaining: \d+ · X-RateLimit-Reset: \d+$/m);
    assert.match(text, /\n {6}"name": "Neville Longbottom",/);
    assert.ok(!text.includes(String(sent?.headers.authorization).slice(7)), 'no token in the tab');
  });

  test('from a row, path parameters are prompted; a 404 and a 403 use the explanations, the 403 naming the permission', async () => {
    await connect([FAKE_SCOPES.readAdmins]);
    const row = (await operationRows()).get('GET /contacts/{contact_id}');
    assert.ok(row);
    ui.answerInputs('nobody here');
    await callApi(row.node);
    assert.equal(box.fake.lastRequest()?.url, '/contacts/nobody%20here');
    const forbidden = await ui.waitForMessage((m) => m.level === 'error');
    assert.match(forbidden.text, /Intercom refused the request \(403 You do not have the required scope \(read_users_companies\)/);
    assert.match(forbidden.text, /This operation needs: Read one user and one company or Read and list users and companies\./);

    await connect();
    ui.answerInputs('nobody');
    await callApi(row.node);
    const notFound = await ui.waitForMessage((m) => m.text.includes('404'));
    assert.equal(notFound.text, 'Intercom answered 404 to GET /contacts/nobody: User Not Found.');
  });

  test('an API error opens the response tab too, with the body and the next step; one preview tab is reused unless pinned', async () => {
    await connect();
    const row = (await operationRows()).get('GET /contacts/{contact_id}');
    assert.ok(row);
    const responseTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'intercom-api');

    ui.answerInputs('nobody');
    const notFound = await callApi(row.node);
    assert.ok(notFound, 'a tab for the 404');
    const text = notFound.document.getText();
    assert.match(text, /^\/\/ GET \/contacts\/nobody → 404 in \d+ ms$/m);
    assert.match(text, /^\/\/ Next step: Hogwarts workspace \(drzzt019\) has nothing at this path\. Check each id in the path/m);
    assert.match(text, /"message": "User Not Found"/, 'the body Intercom sent');
    assert.ok((await ui.waitForMessage((m) => m.text.includes('404'))).actions.length > 0, 'the toast stays, with its actions');
    assert.equal(responseTabs().length, 1);
    assert.equal(responseTabs()[0].isPreview, true);

    ui.answerPicks(pickOperation('GET /contacts'), () => []);
    assert.ok(await callApi());
    assert.deepEqual(responseTabs().map((t) => t.label), ['GET contacts 200.jsonc'], 'the next answer took the preview tab');

    await vscode.commands.executeCommand('workbench.action.pinEditor');
    ui.answerInputs('nobody');
    assert.ok(await callApi(row.node));
    assert.deepEqual(responseTabs().map((t) => t.label).sort(), ['GET contacts 200.jsonc', 'GET contacts nobody 404.jsonc'], 'a pinned answer stays');
  });

  /** Call API on POST /tags: its body document, with the template, then `json` typed over it. */
  const openTagBody = async (json: string): Promise<vscode.TextEditor> => {
    ui.answerPicks(pickOperation('POST /tags'));
    const editor = await callApi();
    assert.ok(editor, JSON.stringify(ui.shown));
    assert.equal(vscode.window.activeTextEditor?.document, editor.document);
    assert.deepEqual(JSON.parse(editor.document.getText()), { name: null, id: null, companies: null, users: null });
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), json));
    return editor;
  };
  const sendBody = (uri?: vscode.Uri) => vscode.commands.executeCommand<vscode.TextEditor | undefined>('intercom.sendRequestBody', uri);

  test('a write opens its body in a document named for the request, whose code lens sends it to the named workspace; refused, nothing is sent', async () => {
    await connect();
    const editor = await openTagBody('{ "name": "vip" }');
    const { document } = editor;
    assert.equal(document.uri.scheme, 'untitled');
    assert.equal(document.uri.path, 'POST tags — body.json');
    assert.equal(document.languageId, 'json');
    assert.deepEqual(ui.shown.filter((m) => m.actions.includes('Send') || /Send/.test(m.text)), [], 'no toast carries Send');
    assert.equal(box.fake.count('POST /tags'), 0, 'nothing sent before Send');

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [[0, '$(send) Send POST /tags to Hogwarts workspace (drzzt019)']]);
    assert.equal(await vscode.commands.executeCommand(lenses[0].command!.command, ...(lenses[0].command!.arguments ?? [])), undefined);
    assert.equal(ui.confirmations.length, 1);
    assert.equal(ui.confirmations[0].text, 'POST /tags changes real data in the Intercom workspace Hogwarts workspace (drzzt019).');
    assert.equal(ui.confirmations[0].action, 'Send POST');
    assert.equal(box.fake.count('POST /tags'), 0);
  });

  test('after a Cancel at the confirmation the body stays sendable: "Send Request Body" on the active editor sends the edited body once', async () => {
    await connect();
    const editor = await openTagBody('{ "name": "vip" }');
    assert.equal(await sendBody(), undefined, 'cancelled at the confirmation');
    ui.onConfirm = () => true;
    const answer = await sendBody();
    assert.ok(answer, JSON.stringify(ui.shown));
    assert.equal(ui.confirmations.length, 2);
    assert.equal(box.fake.count('POST /tags'), 1);
    assert.deepEqual(box.fake.lastRequest('POST /tags')?.body, { name: 'vip' });
    assert.match(answer.document.getText(), /"name": "vip"/);
    assert.ok(!editor.document.isClosed, 'the body document stays open');
  });

  test('"Send Request Body" on an editor that is no body says so; a body that is not JSON is not sent', async () => {
    await connect();
    const other = await vscode.workspace.openTextDocument({ language: 'json', content: '{}' });
    await vscode.window.showTextDocument(other);
    assert.equal(await sendBody(), undefined);
    assert.match(ui.shown.at(-1)?.text ?? '', /^The active editor is not a request body\./);
    const editor = await openTagBody('{ "name": ');
    ui.onConfirm = () => true;
    assert.equal(await sendBody(editor.document.uri), undefined);
    assert.match(ui.shown.at(-1)?.text ?? '', /^The body is not valid JSON/);
    assert.deepEqual(ui.confirmations, []);
    assert.equal(box.fake.count('POST /tags'), 0);
  });

  test('a path value of .. (or %2e%2e) is refused at the prompt; a write\'s confirmation shows the request line that arrives', async () => {
    await connect();
    const row = [...(await operationRows())].find(([key]) => key.startsWith('DELETE /contacts/{contact_id}/companies/{'))?.[1];
    assert.ok(row, 'detach a contact from a company');
    const refusals: unknown[] = [];
    const refused = (value: string) => (options: vscode.InputBoxOptions) => {
      refusals.push(options.validateInput?.(value));
      return undefined;
    };
    for (const value of ['..', '%2e%2E', '.']) {
      ui.answerInputs(refused(value));
      assert.equal(await callApi(row.node), undefined);
    }
    assert.deepEqual(refusals, ['..', '%2e%2E', '.'].map((v) => `contact_id cannot be "${v}": it would move up the path instead of naming one item. Give the id.`));

    ui.onConfirm = () => true;
    ui.answerInputs('a b/c', '..x');
    await callApi(row.node);
    assert.equal(ui.confirmations.length, 1);
    const shown = /^DELETE (\S+) changes real data/.exec(ui.confirmations[0].text)?.[1];
    assert.equal(shown, '/contacts/a%20b%2Fc/companies/..x');
    assert.deepEqual(box.fake.requests.map((r) => `${r.method} ${r.url}`), [`DELETE ${shown}`], 'what arrived is what was shown');
  });

  test('"Next page" follows pages.next.starting_after to the last page', async () => {
    await connect();
    ui.answerPicks(pickOperation('GET /contacts'), (items) => items.filter((i) => i.label === 'per_page'));
    ui.answerInputs('2');
    const first = await callApi();
    assert.ok(first);
    assert.match(first.document.getText(), /Luna Lovegood/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', first.document.uri);
    assert.deepEqual(lenses.map((l) => l.command?.title), ['Next page']);
    const second = await vscode.commands.executeCommand<vscode.TextEditor>(lenses[0].command!.command, ...(lenses[0].command!.arguments ?? []));
    assert.ok(second);
    const sent = box.fake.lastRequest('GET /contacts');
    assert.equal(sent?.query.per_page, '2');
    assert.ok(sent?.query.starting_after);
    assert.match(second.document.getText(), /Ginny Weasley/);
    assert.doesNotMatch(second.document.getText(), /Luna Lovegood/);
    assert.deepEqual(await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', second.document.uri), [], 'the last page has none');
  });

  test('history: a past request is re-run from a pick, with the same query; no token is kept', async () => {
    const session = await connect();
    ui.answerPicks(pickOperation('GET /contacts'), (items) => items.filter((i) => i.label === 'per_page'));
    ui.answerInputs('1');
    assert.ok(await callApi());
    let offered: readonly Item[] = [];
    ui.answerPicks((items) => { offered = items; return items[0]; });
    const again = await vscode.commands.executeCommand<vscode.TextEditor>('intercom.rerunApiRequest');
    assert.ok(again);
    assert.equal(offered[0].label, 'GET /contacts?per_page=1');
    assert.equal(box.fake.count('GET /contacts'), 2);
    assert.equal(box.fake.lastRequest('GET /contacts')?.query.per_page, '1');
    assert.ok(!JSON.stringify(offered).includes(session.accessToken));
  });

  test('language-model tools: workspace facts, find an operation, the folder\'s scope plan, a confirmed GET only', async () => {
    const names = vscode.lm.tools.map((t) => t.name);
    for (const name of ['intercom_workspace', 'intercom_find_operation', 'intercom_required_scopes', 'intercom_call_get']) assert.ok(names.includes(name), name);
    assert.match(await toolText('intercom_workspace', {}), /No Intercom workspace is connected/);

    const session = await connect();
    const facts = await toolText('intercom_workspace', {});
    assert.ok(!facts.includes(session.accessToken));
    assert.deepEqual(JSON.parse(facts).workspace, { name: 'Hogwarts workspace', idCode: 'drzzt019', region: 'US', timezone: 'Europe/Edinburgh' });

    const found = JSON.parse(await toolText('intercom_find_operation', { query: 'list contacts' }));
    const list = found.operations.find((o: { method: string; path: string }) => o.method === 'GET' && o.path === '/contacts');
    assert.deepEqual(list.permission, ['Read and list users and companies']);
    assert.deepEqual(list.parameters.map((p: { name: string }) => p.name), ['page', 'per_page', 'starting_after']);

    const plan = JSON.parse(await toolText('intercom_required_scopes', {}));
    const permissions = plan.permissions.map((p: { permission: string }) => p.permission);
    assert.ok(permissions.includes('Write conversations'), JSON.stringify(plan));

    const got = await toolText('intercom_call_get', { path: '/contacts?per_page=1' });
    assert.match(got, /^GET \/contacts\?per_page=1 → 200 /);
    assert.equal(box.fake.lastRequest('GET /contacts')?.query.per_page, '1');
    for (const path of ['https://example.com/contacts', '/tags/../me', '/contacts/%2e%2e/admins', '/contacts/.%2E/admins']) {
      await assert.rejects(toolText('intercom_call_get', { path }), /not an API path/);
    }
    assert.equal(box.fake.count(), 1, 'refused paths send nothing');
  });

  test('intercom_call_get\'s confirmation shows the request line as sent, its Markdown escaped; a refused path asks nothing', async () => {
    await connect();
    const prepare = (path: string) => api.explorer.tools.intercom_call_get.prepareInvocation!({ input: { path } }, new vscode.CancellationTokenSource().token);
    const asked = await prepare('/contacts/x`](command:intercom.disconnect)?q=a+b');
    const message = asked?.confirmationMessages?.message;
    assert.ok(message instanceof vscode.MarkdownString);
    assert.equal(message.value, 'GET \\/contacts\\/x\\%60\\]\\(command\\:intercom\\.disconnect\\)\\?q\\=a\\+b to the workspace Hogwarts workspace \\(drzzt019\\), with the connected token. It only reads data.');
    assert.equal((await prepare('/contacts/%2e%2e/admins'))?.confirmationMessages, undefined);
  });
});
