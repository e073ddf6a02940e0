// "Generate Scope Checklist": scan the workspace → choose what the app does (preselected from the scan)
// → optionally check against the connected workspace → a Markdown checklist in the Developer Hub's words.
import path from 'node:path';
import * as vscode from 'vscode';
import { CAPABILITIES, capabilitiesForFindings, type Capability } from '../../scopes/capabilities';
import { renderScopeCheck } from '../../scopes/checkReport';
import type { Finding } from '../../scopes/finding';
import { buildChecklist } from '../../scopes/plan';
import { UNCHECKABLE_SCOPES } from '../../scopes/probe';
import { renderChecklist } from '../../scopes/render';
import { currentSession } from '../../session/current';
import type { Services } from '../../services';
import { workspaceTitle } from '../../workspace/fields';
import { checkScopes, type WorkspaceCheck } from './checkWorkspace';
import { scanWorkspace, type WorkspaceScan } from './scanWorkspace';

export const CHECKLIST_FILE_NAME = 'INTERCOM_SCOPES.md';

type CapabilityItem = vscode.QuickPickItem & { capability?: Capability };

function capabilityItems(preselected: ReadonlySet<Capability>, findings: readonly Finding[]): CapabilityItem[] {
  const items: CapabilityItem[] = [];
  let group: string | undefined;
  for (const capability of CAPABILITIES) {
    if (capability.group !== group) {
      group = capability.group;
      items.push({ label: group, kind: vscode.QuickPickItemKind.Separator });
    }
    const seen = findings.filter((f) => capabilitiesForFindings([f]).includes(capability)).length;
    items.push({
      label: capability.label,
      description: seen ? vscode.l10n.t('found in code ({0})', seen) : undefined,
      picked: preselected.has(capability),
      capability,
    });
  }
  return items;
}

/** Where the checklist goes: beside the code in the first folder, so its file links are relative. */
function checklistUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder && vscode.Uri.joinPath(folder.uri, CHECKLIST_FILE_NAME);
}

/** Replaces the open or saved checklist (an undoable edit, nothing written to disk), or starts an untitled one. */
async function showChecklist(markdown: string, target: vscode.Uri | undefined): Promise<vscode.TextDocument> {
  let document: vscode.TextDocument;
  if (!target) {
    document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  } else {
    let exists = true;
    try {
      await vscode.workspace.fs.stat(target);
    } catch {
      exists = false;
    }
    document = await vscode.workspace.openTextDocument(exists ? target : target.with({ scheme: 'untitled' }));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), markdown);
    await vscode.workspace.applyEdit(edit);
  }
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

export async function generateScopeChecklist(services: Services): Promise<vscode.TextDocument | undefined> {
  const { context, ui, log, sessions } = services;
  const scan = await ui.current.progress(vscode.l10n.t('Scanning the workspace for Intercom API use…'), (progress, token) =>
    scanWorkspace(log, progress, token).then((s): WorkspaceScan | undefined => (s.result.cancelled || token.isCancellationRequested ? undefined : s)));
  if (!scan) {
    void ui.current.message('info', vscode.l10n.t('Scope checklist cancelled.'));
    return undefined;
  }
  const { findings } = scan.result;
  const preselected = new Set(capabilitiesForFindings(findings));
  const picked = await ui.current.pick(capabilityItems(preselected, findings), {
    canPickMany: true,
    title: vscode.l10n.t('Generate Scope Checklist: what does your app do?'),
    placeHolder: vscode.l10n.t('Preselected from {0} Intercom API uses found in {1} files', findings.length, new Set(findings.map((f) => f.file)).size),
    matchOnDescription: true,
  });
  const chosen = picked?.flatMap((i) => (i.capability ? [i.capability] : []));
  if (!chosen || chosen.length === 0) return undefined;

  const session = await currentSession(context.globalState, sessions);
  let check: WorkspaceCheck | undefined;
  if (session) {
    const yes = { label: vscode.l10n.t('Check against {0}', workspaceTitle(session)), description: vscode.l10n.t('read-only GET requests with the connected token') };
    const no = { label: vscode.l10n.t('Do not check') };
    const answer = await ui.current.pick([yes, no], { title: vscode.l10n.t('Check which scopes the connected token has?') });
    if (!answer) return undefined;
    if (answer === yes) check = await ui.current.progress(vscode.l10n.t('Checking scopes against {0}…', workspaceTitle(session)), (_p, token) => checkScopes(services, session, token));
  }

  const checklist = buildChecklist({ capabilities: chosen, findings });
  const target = checklistUri();
  const folder = target && path.posix.dirname(target.path);
  const link = (f: Finding) => {
    const file = scan.files.get(f.file);
    if (!file) return f.file;
    const relative = folder && file.path.startsWith(`${folder}/`) ? file.path.slice(folder.length + 1) : file.toString();
    return `${relative}#L${f.line}`;
  };
  const lines = [renderChecklist(checklist, { link, generatedAt: new Date().toISOString() }).trimEnd()];
  if (check && session) {
    const needed = new Set(checklist.sections.flatMap((s) => s.items.map((i) => i.scope.label)));
    lines.push(...renderScopeCheck({ workspace: workspaceTitle(session), checks: check.checks, uncheckable: UNCHECKABLE_SCOPES, needed, stoppedBecause: check.stoppedBecause }));
  }
  log.info(`Scope checklist: ${chosen.length} capabilities, ${checklist.sections.reduce((n, s) => n + s.items.length, 0)} scopes`);
  return showChecklist(`${lines.join('\n')}\n`, target);
}
