// "Generate Scope Checklist" end to end on the fixture workspace: the real findFiles and file system,
// the QuickPick answered from the test, the Markdown document read back, and the check against the
// fake Intercom with a token that has some scopes and lacks others.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { IntercomSession } from '../../src/session/model';
import { Faults, SCOPES as FAKE_SCOPES } from '../fake-intercom';
import { CRAFTED_FILES } from '../support/craftedFiles';
import { setUserSettings, useSandbox, type Sandbox } from './sandbox';
import { ScriptedUi, until } from './support';

interface Item extends vscode.QuickPickItem {
  capability?: { id: string };
}

suite('Generate Scope Checklist (real extension host)', function () {
  this.timeout(60_000);
  let ui: ScriptedUi;
  let box: Sandbox;
  const folder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(folder(), rel)), { recursive: true });
    fs.writeFileSync(path.join(folder(), rel), text);
  };
  const checklistFile = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'INTERCOM_SCOPES.md');
  const onDisk = () => fs.readFileSync(checklistFile().fsPath, 'utf8');
  /** Generates with the scan's preselection, as a person who accepts it would. */
  const generate = () => {
    ui.answerPicks((items) => (items as Item[]).filter((i) => i.picked));
    return vscode.commands.executeCommand<vscode.TextDocument | undefined>('intercom.generateScopeChecklist');
  };
  const OLD_TEXT = '# My scopes\n\n- [x] Read conversations (checked by hand)\n';
  // Through VS Code's file service, as a save would: an open document sees the change at once.
  const writeOld = async () => {
    await vscode.workspace.fs.writeFile(checklistFile(), new TextEncoder().encode(OLD_TEXT));
    // A document left from an earlier test sees the change when the file watcher reports it.
    const open = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === checklistFile().toString());
    await until(() => (open() === undefined || open()!.getText() === OLD_TEXT) || undefined, 'open documents to see the file');
  };
  const INTERCOM_CALL = "await fetch('https://api.intercom.io/data_connectors', { method: 'POST' });\n";

  useSandbox({}, (s) => ({ ui, box } = s));
  suiteSetup(async () => {
    // Code the scan must skip: dependencies, build output, and a folder the user excludes from search.
    write('node_modules/intercom-helper/index.js', INTERCOM_CALL);
    write('dist/bundle.js', INTERCOM_CALL);
    write('generated/client.ts', INTERCOM_CALL);
    await setUserSettings({});
    await vscode.workspace.getConfiguration('search').update('exclude', { '**/generated': true }, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('search').update('exclude', undefined, vscode.ConfigurationTarget.Global);
    for (const dir of ['node_modules', 'dist', 'generated', 'crafted', 'linked']) fs.rmSync(path.join(folder(), dir), { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(checklistFile(), { useTrash: false }).then(undefined, () => undefined);
  });
  setup(async () => {
    await vscode.workspace.fs.delete(checklistFile(), { useTrash: false }).then(undefined, () => undefined);
  });

  test('preselects from the scan, writes the checklist with reasons and file links', async () => {
    let offered: Item[] = [];
    ui.answerPicks((items) => {
      offered = items as Item[];
      // The person keeps the preselection and adds "Uses Canvas Kit".
      return offered.filter((i) => i.picked || i.capability?.id === 'canvas-kit');
    });
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('intercom.generateScopeChecklist');
    assert.ok(document, JSON.stringify(ui.shown));
    const preselected = offered.filter((i) => i.picked).map((i) => i.capability!.id);
    assert.ok(preselected.some((id) => id.startsWith('contacts.')), `contacts preselected: ${preselected}`);
    assert.ok(preselected.some((id) => id.startsWith('conversations.')), `conversations preselected: ${preselected}`);
    assert.ok(preselected.some((id) => id.startsWith('webhooks.conversation')), `conversation topics preselected: ${preselected}`);
    assert.ok(!preselected.some((id) => id.startsWith('data-connectors') || id.startsWith('dataconnectors')), `skipped files did not count: ${preselected}`);
    assert.ok(!preselected.some((id) => id.startsWith('tags.')), `the app's own /tags route did not count: ${preselected}`);
    assert.ok(offered.some((i) => i.kind === vscode.QuickPickItemKind.Separator && i.label === 'Contacts'), 'grouped by resource');

    assert.equal(path.basename(document.uri.path), 'INTERCOM_SCOPES.md');
    const text = document.getText();
    assert.equal(onDisk(), text, 'written to the folder root');
    assert.ok(!document.isDirty);
    assert.match(text, /^# Intercom permission scopes/m);
    assert.match(text, /The scan read \d+ source files as text\./, 'the header says what was scanned');
    assert.match(text, /## People & conversation data/);
    assert.match(text, /## Workspace data/);
    assert.match(text, /- \[ \] Read conversations/);
    assert.match(text, /- \[ \] Read admins/, 'Canvas Kit forces Read admins');
    assert.match(text, /Canvas Kit/);
    assert.match(text, /\]\(src\/intercom-sync\.ts#L\d+\)/, 'findings link to file:line');
    assert.doesNotMatch(text, /node_modules|generated\/client|dist\/bundle/, 'skipped and excluded files never appear');
    assert.doesNotMatch(text, /src\/routes\.ts/, 'unrelated code does not count');
    assert.doesNotMatch(text, /Checked against/, 'no session, no check');
  });

  test('the scan shows progress and can be cancelled', async () => {
    ui.cancelNextProgress = true;
    assert.equal(await vscode.commands.executeCommand('intercom.generateScopeChecklist'), undefined);
    assert.deepEqual(ui.progressTitles, ['Scanning the folder for Intercom API use']);
    await ui.waitForMessage((s) => /cancelled/.test(s.text));
    assert.ok(!fs.existsSync(checklistFile().fsPath), 'nothing written');
  });

  test('the scan reports its progress as "title: n of m files" or the file it reads, and counts files in words that fit the number', async () => {
    assert.ok(await generate());
    // The fixture calls Intercom from one file only.
    assert.match(String(ui.pickOptions[0].placeHolder), /^Preselected from \d+ Intercom API uses found in 1 file$/);
    assert.ok(ui.progressLines.length > 0, 'progress reported');
    for (const line of ui.progressLines) assert.match(line, /^Scanning the folder for Intercom API use: (?:\d+ of \d+ files|src\/[\w-]+\.ts)$/);
    assert.ok(ui.progressLines.some((l) => / of \d+ files$/.test(l)), 'the count is reported');
  });

  test('generated again with the same result: the file is opened, not rewritten, nothing asked', async () => {
    const first = (await generate())!;
    const written = fs.statSync(checklistFile().fsPath).mtimeMs;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const second = await generate();
    assert.equal(second?.uri.toString(), first.uri.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), first.uri.toString(), 'shown');
    assert.deepEqual(ui.shown, [], 'no question');
    assert.equal(fs.statSync(checklistFile().fsPath).mtimeMs, written, 'not rewritten');
    assert.ok(!second.isDirty);
  });

  test('an existing, different file: Replace writes it, and Undo in the editor brings the old text back', async () => {
    await writeOld();
    ui.onMessage = (s) => (/INTERCOM_SCOPES\.md/.test(s.text) ? 'Replace' : undefined);
    const document = (await generate())!;
    const asked = ui.shown.find((s) => /INTERCOM_SCOPES\.md/.test(s.text))!;
    assert.deepEqual(asked.actions, ['Replace', 'Compare', 'Cancel']);
    assert.match(onDisk(), /^# Intercom permission scopes/m, 'the new checklist is saved');
    assert.equal(document.getText(), onDisk());
    assert.ok(!document.isDirty, 'saved');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString());
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), OLD_TEXT, 'undo restores the old text');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('an existing, different file: Compare shows the file beside the new text and writes nothing; Cancel leaves it', async () => {
    await writeOld();
    ui.onMessage = (s) => (s.actions.includes('Compare') ? 'Compare' : s.actions.includes('Cancel') ? 'Cancel' : undefined);
    assert.equal(await generate(), undefined, 'cancelled after comparing');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, `a diff is open: ${tab?.label}`);
    assert.equal(tab.input.original.toString(), checklistFile().toString(), 'left: the file');
    const proposed = await vscode.workspace.openTextDocument(tab.input.modified);
    assert.match(proposed.getText(), /^# Intercom permission scopes/m, 'right: the new checklist');
    assert.equal(ui.shown.length, 2, 'asked again after the comparison');
    assert.deepEqual(ui.shown[1].actions, ['Replace', 'Cancel']);
    assert.equal(onDisk(), OLD_TEXT, 'nothing written');
  });

  test('an existing, different file: Cancel (or dismissing the question) writes nothing', async () => {
    await writeOld();
    ui.onMessage = (s) => (s.actions.includes('Cancel') ? 'Cancel' : undefined);
    assert.equal(await generate(), undefined);
    assert.equal(onDisk(), OLD_TEXT);
    ui.onMessage = () => undefined;
    assert.equal(await generate(), undefined);
    assert.equal(onDisk(), OLD_TEXT);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === checklistFile().toString() && d.isDirty), 'no pending edit either');
  });

  test('a rejected access token stops the check and says where to get a new one', async () => {
    const token = box.fake.addToken();
    ui.answerInputs(token);
    assert.ok(await vscode.commands.executeCommand('intercom.connectWithAccessToken'));
    box.fake.revoke(token);
    ui.answerPicks((items) => (items as Item[]).filter((i) => i.picked), (items) => items[0]);
    const text = (await vscode.commands.executeCommand<vscode.TextDocument>('intercom.generateScopeChecklist'))!.getText();
    assert.match(text, /_The check stopped early: Intercom rejected the access token \(401[^)]*\)[^_]*Developer Hub > your app > Configure > Authentication/, text);
  });

  test('checks against the connected workspace: granted and missing from 200 and 403, never a write', async () => {
    const grants = [FAKE_SCOPES.readAdmins, FAKE_SCOPES.readUsersCompanies, FAKE_SCOPES.readTags].filter(Boolean);
    assert.equal(grants.length, 3, 'the fake names these scopes');
    const token = box.fake.addToken(undefined, undefined, grants);
    ui.answerInputs(token);
    const session = await vscode.commands.executeCommand<IntercomSession>('intercom.connectWithAccessToken');
    assert.ok(session);
    box.fake.reset();
    ui.answerPicks((items) => (items as Item[]).filter((i) => i.picked), (items) => items[0]);
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('intercom.generateScopeChecklist');
    const text = document!.getText();
    assert.match(text, /## Checked against Hogwarts workspace \(drzzt019\)/);
    assert.match(text, /\| Read admins \| [a-z]+ \| ✓ granted \|/);
    assert.match(text, /\| Read tags \| [a-z]+ \| ✓ granted \|/);
    assert.match(text, /\| Read conversations \| yes \| ✗ missing \|/);
    assert.match(text, /The token lacks a permission this checklist needs:\*\* Read conversations/);
    assert.match(text, /Not checked/);
    const methods = new Set(box.fake.requests.map((r) => r.method));
    assert.deepEqual([...methods], ['GET'], 'only GET requests');
    assert.ok(box.fake.count() >= 8, `one probe per checkable scope (${box.fake.count()})`);
  });

  test('with a token check, what to untick comes first, in plain-text marks, the caveat said once; the checklist opens as a Markdown preview beside its source', async () => {
    const token = box.fake.addToken(undefined, undefined, [FAKE_SCOPES.readAdmins, FAKE_SCOPES.readTags]);
    ui.answerInputs(token);
    assert.ok(await vscode.commands.executeCommand('intercom.connectWithAccessToken'));
    ui.answerPicks((items) => (items as Item[]).filter((i) => i.picked), (items) => items[0]);
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('intercom.generateScopeChecklist');
    assert.ok(document, JSON.stringify(ui.shown));
    const text = document.getText();
    const untick = text.indexOf('## Untick these first');
    assert.ok(untick > 0 && untick < text.indexOf('## People & conversation data'), 'before every section');
    assert.match(text, /^- \[ \] Untick Read tags$/m, 'granted, and the app does not use it');
    const unticked = text.split('\n').filter((l) => l.startsWith('- [ ] Untick ')).map((l) => l.slice('- [ ] Untick '.length));
    assert.ok(unticked.every((label) => ['Read admins', 'Read tags'].includes(label)), `only what the token has: ${unticked}`);
    assert.doesNotMatch(text, /\p{Extended_Pictographic}/u, 'no emoji');
    assert.doesNotMatch(text, /How sure: inferred —|rests only on inferred mappings \(/, 'the caveat is not repeated per permission');

    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    const preview = await until(() => tabs().find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType)), 'a Markdown preview');
    const source = tabs().find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === document.uri.toString());
    assert.ok(source, 'the source stays open');
    assert.notEqual(preview.group.viewColumn, source.group.viewColumn, 'beside it');
  });

  test('a token that an answer echoes never reaches the checklist', async () => {
    // Not shaped like Intercom's tokens: only the known-secrets registry can catch it.
    const token = box.fake.addToken('echoed-token-only-known-to-the-registry');
    ui.answerInputs(token);
    assert.ok(await vscode.commands.executeCommand('intercom.connectWithAccessToken'));
    box.fake.failNext('GET /admins', Faults.echoSecrets(400));
    ui.answerPicks((items) => (items as Item[]).filter((i) => i.picked), (items) => items[0]);
    const text = (await vscode.commands.executeCommand<vscode.TextDocument>('intercom.generateScopeChecklist'))!.getText();
    assert.ok(!text.includes(token), 'the token is not in the checklist');
    assert.match(text, /\| Read admins \|.*Access Token Invalid \[redacted\]/, 'the echo is reported, without the token');
  });

  test('the scan runs off the extension-host thread: a command answers while a crafted 1 MB file is scanned', async () => {
    // Files that used to take minutes; each just under the scanner's 1 MB limit.
    for (const crafted of CRAFTED_FILES) write(`crafted/${crafted.file}`, crafted.make(990_000));
    let scanDone = false;
    const answeredDuringScan = new Promise<boolean>((resolve) => {
      ui.onProgress = (message) => {
        if (!message.startsWith('crafted/')) return;
        ui.onProgress = undefined;
        // The worker is inside a crafted file now: the host must still answer a command.
        void vscode.commands.executeCommand('intercom.showLog').then(() => resolve(!scanDone));
      };
    });
    ui.answerPicks(() => {
      scanDone = true;
      return []; // nothing chosen: no checklist
    });
    await vscode.commands.executeCommand('intercom.generateScopeChecklist');
    assert.equal(await answeredDuringScan, true, 'the command answered before the scan ended');
    fs.rmSync(path.join(folder(), 'crafted'), { recursive: true, force: true });
  });

  test('a symbolic link that leads out of the folder is not scanned, and is listed as not scanned', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    fs.writeFileSync(path.join(outside, 'calls.ts'), "await fetch('https://api.intercom.io/data_connectors', { method: 'POST' });\n");
    fs.mkdirSync(path.join(folder(), 'linked'), { recursive: true });
    fs.symlinkSync(path.join(outside, 'calls.ts'), path.join(folder(), 'linked', 'outside.ts'));
    let offered: Item[] = [];
    ui.answerPicks((items) => (offered = items as Item[]).filter((i) => i.picked));
    const text = (await vscode.commands.executeCommand<vscode.TextDocument>('intercom.generateScopeChecklist'))!.getText();
    assert.ok(!offered.some((i) => i.picked && /data.?connectors/i.test(i.capability?.id ?? '')), 'the linked file gave no finding');
    assert.match(text, /linked\/outside\.ts — a link \(to it or to a folder on its path\) leads out of the folder/);
    fs.rmSync(path.join(folder(), 'linked'), { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  test('a link to a directory outside the folder: its files are listed as not scanned and reach neither the checklist nor the tool', async () => {
    const outside = path.join(path.dirname(folder()), 'outside');
    fs.mkdirSync(outside, { recursive: true });
    fs.writeFileSync(path.join(outside, 'secret.py'), "import requests\nrequests.post('https://api.intercom.io/data_connectors', json={})\n");
    fs.symlinkSync('../outside', path.join(folder(), 'linkdir'));
    try {
      assert.deepEqual((await vscode.workspace.findFiles('linkdir/**')).map((u) => vscode.workspace.asRelativePath(u)), ['linkdir/secret.py'], 'the file search follows the link');
      let offered: Item[] = [];
      ui.answerPicks((items) => (offered = items as Item[]).filter((i) => i.picked));
      const text = (await vscode.commands.executeCommand<vscode.TextDocument>('intercom.generateScopeChecklist'))!.getText();
      assert.ok(!offered.some((i) => i.picked && /data.?connectors/i.test(i.capability?.id ?? '')), 'the file behind the link gave no finding');
      assert.match(text, /linkdir\/secret\.py — a link \(to it or to a folder on its path\) leads out of the folder/, 'listed as not scanned');
      assert.equal(text.match(/secret\.py/g)?.length, 1, 'and nowhere else');
      const result = await vscode.lm.invokeTool('intercom_required_scopes', { input: {}, toolInvocationToken: undefined });
      const plan = result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
      assert.ok(JSON.parse(plan).permissions.length > 0, plan);
      assert.doesNotMatch(plan, /secret\.py|data.?connector/i);
    } finally {
      fs.rmSync(path.join(folder(), 'linkdir'), { force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
