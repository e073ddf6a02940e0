// The Workspace view read through its TreeDataProvider, against the fake Intercom.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { WorkspaceNode } from '../../src/features/workspace/tree';
import type { IntercomSession } from '../../src/session/model';
import { FakeIntercom, Faults, europeWorkspace, usWorkspace, type ProfilePatch } from '../fake-intercom';
import { pointAt, setUserSettings, startSandbox, type Sandbox } from './sandbox';
import { ScriptedUi, activateExtension, until, type TestApi } from './support';

interface Row {
  label: string;
  description: string;
  node: WorkspaceNode;
  item: vscode.TreeItem;
}

suite('Workspace view (real extension host, fake Intercom)', function () {
  this.timeout(60_000);
  let api: TestApi;
  let ui: ScriptedUi;
  let box: Sandbox;
  let fake: FakeIntercom;

  const tree = () => api.workspace.tree;
  const rows = async (parent?: WorkspaceNode): Promise<Row[]> =>
    Promise.all((await tree().getChildren(parent)).map(async (node) => {
      const item = await tree().getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
      return { label, description: String(item.description ?? ''), node, item };
    }));
  /** "Group/Label" → description, for every field of a workspace. */
  const fieldsOf = async (session: Row): Promise<Map<string, Row>> => {
    const map = new Map<string, Row>();
    for (const group of await rows(session.node)) for (const field of await rows(group.node)) map.set(`${group.label}/${field.label}`, field);
    return map;
  };
  const connectToken = async (patch: ProfilePatch, base = usWorkspace): Promise<IntercomSession> => {
    const token = fake.addToken(undefined, base(patch));
    ui.answerInputs(token);
    const session = await vscode.commands.executeCommand<IntercomSession>('intercom.connectWithAccessToken');
    assert.ok(session, JSON.stringify(ui.shown));
    return session;
  };

  suiteSetup(async () => {
    api = await activateExtension();
    box = await startSandbox();
    fake = box.fake;
    await pointAt(fake);
  });
  suiteTeardown(async () => {
    await fake.close();
    await setUserSettings({ 'advanced.appBaseUrl': undefined, 'advanced.apiBaseUrl': undefined });
  });
  setup(async () => {
    ui = new ScriptedUi();
    api.ui.current = ui;
    await api.sessions.remove((await api.sessions.list()).map((s) => s.id));
    fake.reset();
  });

  test('no session: the tree is empty, so the welcome view shows, and each of its buttons runs a registered command', async () => {
    assert.deepEqual(await rows(), []);
    // The welcome text is package.nls.json's; its command links must name commands this window knows.
    const extension = vscode.extensions.getExtension('seedworks.intercom-devtools')!;
    const nls = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const linked = [...nls['welcome.workspace'].matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
    assert.ok(linked.includes('intercom.connect'), `control: the links are read (${linked})`);
    const known = await vscode.commands.getCommands(true);
    assert.deepEqual(linked.filter((id) => !known.includes(id)), [], 'welcome buttons without a command');
  });

  test('a US and a "Europe" workspace: one node each, admin and region as description, details folded, all fields', async () => {
    await connectToken({});
    await connectToken({ me: { name: 'Émile Zola', app: { name: 'Paris HQ', id_code: 'eu42xyz' } } }, europeWorkspace);
    const top = await rows();
    assert.equal(top.length, 2);
    const eu = top.find((r) => r.label === 'Paris HQ (eu42xyz)');
    assert.ok(eu, top.map((r) => r.label).join(', '));
    assert.equal(eu.description, 'Émile Zola · Europe');
    const us = top.find((r) => r !== eu)!;
    assert.equal(us.description, 'Hermione Granger · US');
    assert.deepEqual((await rows(eu.node)).map((r) => r.label), ['Admin', 'Workspace', 'Connection']);
    for (const group of await rows(eu.node)) assert.equal(group.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, `${group.label} is folded`);
    const f = await fieldsOf(eu);
    assert.equal(f.get('Admin/Name')?.description, 'Émile Zola');
    assert.match(f.get('Admin/Email')!.description, /\(verified\)$/);
    assert.equal(f.get('Workspace/Region')?.description, 'Europe');
    assert.equal(f.get('Workspace/ID code')?.description, 'eu42xyz');
    assert.equal(f.get('Connection/Token kind')?.description, 'Access Token');
    assert.equal(f.get('Connection/Intercom-Version')?.description, '2.16');
    assert.equal(f.get('Connection/API host')?.description, new URL(fake.url).host);
    const token = (await api.sessions.list()).find((s) => s.me.app?.id_code === 'eu42xyz')!.accessToken;
    assert.equal(f.get('Connection/Token')?.description, `••••${token.slice(-4)}`, 'only the last 4 characters');
    for (const row of f.values()) assert.ok(!row.description.includes(token), 'the token is never shown');
    assert.ok(f.get('Workspace/Created')!.description.length > 0);
    assert.equal(f.get('Admin/Email')!.item.contextValue, 'intercom.field', 'every field has the copy-value menu');
  });

  test('unverified email is marked', async () => {
    await setUserSettings({ allowUnverifiedEmail: true });
    try {
      const session = await connectToken({ me: { email_verified: false } });
      const [top] = await rows();
      const email = (await fieldsOf(top)).get('Admin/Email')!;
      assert.equal(email.description, `${session.me.email} (unverified)`);
      assert.equal((email.item.iconPath as vscode.ThemeIcon).id, 'warning');
    } finally {
      await setUserSettings({ allowUnverifiedEmail: false });
    }
  });

  test('fields the API omits or sends as null read "—", never "undefined" or "null"', async () => {
    await connectToken({ me: { job_title: null, has_inbox_seat: undefined, away_mode_enabled: null, avatar: null, app: { timezone: null, created_at: undefined, secure: null } } });
    const [top] = await rows();
    const f = await fieldsOf(top);
    for (const key of ['Admin/Job title', 'Admin/Inbox seat', 'Admin/Away mode', 'Workspace/Time zone', 'Workspace/Created', 'Workspace/Secure']) {
      assert.equal(f.get(key)?.description, '—', key);
    }
    for (const row of f.values()) assert.doesNotMatch(row.description, /undefined|null/, row.label);
    const admin = (await rows(top.node)).find((r) => r.label === 'Admin')!;
    assert.equal((admin.item.iconPath as vscode.ThemeIcon).id, 'account', 'a codicon when there is no avatar');
  });

  test('the avatar is the Admin icon when it can be shown (https), a codicon otherwise', async () => {
    // Loopback https: the workbench may try to load it, and nothing leaves the machine.
    await connectToken({ me: { avatar: { image_url: 'https://127.0.0.1:9/avatars/1.png' } } });
    const [top] = await rows();
    const admin = (await rows(top.node)).find((r) => r.label === 'Admin')!;
    assert.ok(admin.item.iconPath instanceof vscode.Uri, 'a Uri icon');
    assert.equal((admin.item.iconPath as vscode.Uri).toString(true), 'https://127.0.0.1:9/avatars/1.png');
    await connectToken({}, europeWorkspace); // the fake's own avatar is http: not loadable by the workbench
    const eu = (await rows()).find((r) => r.description.endsWith('Europe'))!;
    assert.equal(((await rows(eu.node)).find((r) => r.label === 'Admin')!.item.iconPath as vscode.ThemeIcon).id, 'account');
  });

  test('one refresh = exactly one /me per workspace', async () => {
    await connectToken({});
    await connectToken({}, europeWorkspace);
    fake.reset();
    await vscode.commands.executeCommand('intercom.refreshWorkspace');
    assert.equal(fake.count('GET /me'), 2);
    const one = (await api.sessions.list())[0];
    await vscode.commands.executeCommand('intercom.refreshWorkspace', one.id);
    assert.equal(fake.count('GET /me'), 3);
  });

  test('a failed refresh shows an error node with its fix and keeps the last good data (stale); recovery clears it', async () => {
    const session = await connectToken({ me: { name: 'Kept Name' } });
    fake.reset();
    const check = async (failure: Parameters<FakeIntercom['failNext']>[1], label: RegExp, command: string) => {
      fake.failNext('GET /me', failure);
      await vscode.commands.executeCommand('intercom.refreshWorkspace');
      const [top] = await rows();
      assert.match(top.description, /stale/);
      const [problem, ...groups] = await rows(top.node);
      assert.match(problem.label, label);
      assert.equal(problem.item.command?.command, command);
      assert.deepEqual(groups.map((g) => g.label), ['Admin', 'Workspace', 'Connection']);
      assert.equal((await fieldsOf(top)).get('Admin/Name')?.description, 'Kept Name', 'last good data still shown');
    };
    await check(Faults.error(401, 'unauthorized', 'Access Token Invalid'), /Reconnect/, 'intercom.connectWithAccessToken');
    await check(Faults.serverError(503), /Retry/, 'intercom.refreshWorkspace');
    await check(Faults.reset(), /Retry/, 'intercom.refreshWorkspace');
    await check(Faults.rateLimit({ retryAfter: 30 }), /retry after \d/, 'intercom.refreshWorkspace');
    assert.equal(fake.count('GET /me'), 4, 'no retries from the view');
    // Recovery: the error node's own command.
    fake.tokenInfo(session.accessToken)!.profile.me.name = 'New Name';
    const [top] = await rows();
    const [problem] = await rows(top.node);
    await vscode.commands.executeCommand(problem.item.command!.command, ...(problem.item.command!.arguments ?? []));
    const [after] = await rows();
    assert.doesNotMatch(after.description, /stale/);
    assert.equal((await rows(after.node))[0].label, 'Admin');
    assert.equal((await fieldsOf(after)).get('Admin/Name')?.description, 'New Name');
  });

  test('session changes update the tree at once (Disconnect, another window writing SecretStorage)', async () => {
    await connectToken({});
    const fired = new Promise<void>((resolve) => {
      const sub = tree().onDidChangeTreeData(() => {
        sub.dispose();
        resolve();
      });
    });
    ui.onMessage = (s) => s.actions.find((a) => a === 'Disconnect');
    await vscode.commands.executeCommand('intercom.disconnect');
    await fired;
    assert.deepEqual(await rows(), []);
  });

  test('a write to SecretStorage from another window updates the tree', async () => {
    const session = await connectToken({ me: { app: { name: 'Other Window WS' } } });
    const changed = new Promise<void>((resolve) => {
      const sub = tree().onDidChangeTreeData(() => {
        sub.dispose();
        resolve();
      });
    });
    // What another window's Connect does: rewrite the stored list (here with a renamed workspace).
    const edited = { ...session, me: { ...session.me, app: { ...session.me.app!, name: 'Renamed Elsewhere' } } };
    await api.secrets.store('intercom.sessions', JSON.stringify([edited]));
    await changed;
    assert.deepEqual((await rows()).map((r) => r.label), [`Renamed Elsewhere (${session.me.app!.id_code})`]);
  });

  test('status bar: the current workspace, or Intercom: Connect', async () => {
    const status = api.workspace.status;
    await until(() => (status.text.includes('Intercom: Connect') ? true : undefined), 'the disconnected status');
    assert.equal(status.command, 'intercom.connect');
    await connectToken({ me: { app: { name: 'Status WS $(bug)' } } });
    await until(() => (status.text.includes('Status WS') ? true : undefined), 'the workspace name in the status bar');
    assert.equal(status.text, '$(organization) Status WS \\$(bug)', "the name's icon syntax stays text");
    const tooltip = String(status.tooltip);
    assert.match(tooltip, /Admin: /);
    assert.match(tooltip, /Region: US/);
    assert.match(tooltip, new RegExp(`API host: ${new URL(fake.url).host.replace('.', '\\.')}`));
  });

  test('copy a ready curl for /me that reads the token from an environment variable', async () => {
    const session = await connectToken({});
    await vscode.commands.executeCommand('intercom.copyMeCurl', session.id);
    const curl = await vscode.env.clipboard.readText();
    assert.match(curl, /curl --request GET --url 'http:\/\/127\.0\.0\.1:\d+\/me'/);
    assert.match(curl, /Authorization: Bearer \$INTERCOM_ACCESS_TOKEN/);
    assert.ok(!curl.includes(session.accessToken));
  });

  test('the row tooltip shows /me names as text (no image, link or HTML), the workspace once, and the region', async () => {
    const name = '![](https://tracker.example/p.png)';
    await connectToken({ me: { name: '[Hermione](https://evil.example) <img src=x>', email: 'h@hogwarts.example', app: { name } } });
    const [top] = await rows();
    const tooltip = top.item.tooltip as vscode.MarkdownString;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.ok(!tooltip.supportHtml, 'no HTML');
    assert.ok(!tooltip.isTrusted, 'no command links');
    const md = tooltip.value;
    // Markdown that would make an image, a link, an autolink or HTML: an unescaped "![", "](", "://", "<".
    for (const syntax of [/(?<!\\)!\[/, /(?<!\\)\]\(/, /(?<!\\):\/\//, /(?<!\\)</, /(?<!\\)@/]) assert.doesNotMatch(md, syntax, md);
    const escapedName = '\\!\\[\\]\\(https\\:\\/\\/tracker\\.example\\/p\\.png\\)';
    assert.equal(md.split(escapedName).length - 1, 1, `the workspace name once: ${md}`);
    assert.match(md, /Region: US/);
    assert.doesNotMatch(top.label, /US/, 'the region is not in the label');
    assert.equal(top.description, '[Hermione](https://evil.example) <img src=x> · US');
  });

  suite('two workspaces: each row action acts on its own row, without asking', () => {
    // The second workspace answers on another fake, so each request shows which session it used.
    let other: FakeIntercom;
    let first: IntercomSession;
    let second: Row;
    suiteSetup(async () => {
      other = await FakeIntercom.start();
    });
    suiteTeardown(() => other.close());
    setup(async () => {
      first = await connectToken({ me: { app: { name: 'First WS', id_code: 'first111' } } });
      await pointAt(fake, { 'advanced.apiBaseUrl': other.url });
      try {
        ui.answerInputs(other.addToken(undefined, usWorkspace({ me: { app: { name: 'Second WS', id_code: 'second22' } } })));
        assert.ok(await vscode.commands.executeCommand<IntercomSession>('intercom.connectWithAccessToken'), JSON.stringify(ui.shown));
      } finally {
        await pointAt(fake);
      }
      second = (await rows()).find((r) => r.label === 'Second WS (second22)')!;
      assert.ok(second, 'the second row');
      fake.reset();
      other.reset();
    });

    test('Disconnect on the second row removes exactly that one', async () => {
      ui.onMessage = (m) => m.actions.find((a) => a === 'Disconnect');
      await vscode.commands.executeCommand('intercom.disconnect', second.node);
      assert.deepEqual((await api.sessions.list()).map((s) => s.id), [first.id]);
      assert.match(ui.shown.find((m) => m.level === 'warning')!.text, /Second WS/);
    });

    test('Refresh on the second row reads that workspace only', async () => {
      await vscode.commands.executeCommand('intercom.refreshWorkspace', second.node);
      assert.deepEqual([fake.count('GET /me'), other.count('GET /me')], [0, 1]);
    });

    test("Copy curl on the second row uses that workspace's API host", async () => {
      await vscode.commands.executeCommand('intercom.copyMeCurl', second.node);
      assert.ok((await vscode.env.clipboard.readText()).includes(`${other.url}/me`));
    });

    test('Open Workspace in Browser on the second row opens that workspace', async () => {
      await vscode.commands.executeCommand('intercom.openWorkspace', second.node);
      await until(() => fake.count('GET /a/apps/second22') === 1 || undefined, 'the second workspace opened in the browser');
    });

    test("Open Developer Hub on the second row opens that workspace's Developer Hub", async () => {
      await vscode.commands.executeCommand('intercom.openDeveloperHub', second.node);
      await until(() => fake.count('GET /a/apps/second22/developer-hub') === 1 || undefined, "the second workspace's Developer Hub opened");
    });

    test("Copy Value on a field of the second row copies that workspace's value", async () => {
      const idCode = (await fieldsOf(second)).get('Workspace/ID code')!;
      await vscode.commands.executeCommand('intercom.copyValue', idCode.node);
      assert.equal(await vscode.env.clipboard.readText(), 'second22');
    });

    test("another extension's AuthenticationSession names its session (here the first, not the newest)", async () => {
      const auth = await vscode.authentication.getSession('intercom', [], { account: { id: first.account.id, label: first.account.label }, silent: true });
      assert.equal(auth?.id, first.id);
      await vscode.commands.executeCommand('intercom.copyMeCurl', auth);
      assert.ok((await vscode.env.clipboard.readText()).includes(`${fake.url}/me`));
    });
  });

  test('copy value copies what the field shows', async () => {
    await connectToken({});
    const [top] = await rows();
    const id = (await fieldsOf(top)).get('Workspace/ID code')!;
    await vscode.commands.executeCommand('intercom.copyValue', id.node);
    assert.equal(await vscode.env.clipboard.readText(), id.description);
  });
});
