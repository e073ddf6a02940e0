// "Generate Scope Checklist": scan the folder → choose what the app does (preselected from the scan)
// → optionally check against the connected workspace → INTERCOM_SCOPES.md in the Developer Hub's words.
// This is dist/scopes.js (esbuild.mjs), loaded on the command's first run, never at activation.
import path from 'node:path';
import * as vscode from 'vscode';
import { CAPABILITIES, capabilitiesForFindings, type Capability } from '../../scopes/capabilities';
import { grantedButUnneeded, renderScopeCheck } from '../../scopes/checkReport';
import type { Finding, Located } from '../../scopes/finding';
import { buildChecklist } from '../../scopes/plan';
import { requiredScopes } from '../../scopes/requiredScopes';
import { UNCHECKABLE_SCOPES } from '../../scopes/probe';
import { renderChecklist } from '../../scopes/render';
import { currentSession } from '../../host/session/current';
import type { Services } from '../../host/services';
import { workspaceTitle } from '../../workspace/fields';
import { saveProjects } from '../codeIntelligence/folderScan';
import { checkScopes, type WorkspaceCheck } from './checkWorkspace';
import { checklistUri, ProposedChecklist, writeChecklist } from './checklistFile';
import { scanFolder, type FolderScan } from './scanFolder';

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

/** What the scan found, in words that fit the numbers (one string per form, for translators). */
function scanSummary(findings: readonly Finding[]): string {
  const files = new Set(findings.map((f) => f.file)).size;
  if (findings.length === 0) return vscode.l10n.t('No Intercom API use found in the code: pick what your app does');
  if (findings.length === 1) return vscode.l10n.t('Preselected from 1 Intercom API use found in 1 file');
  if (files === 1) return vscode.l10n.t('Preselected from {0} Intercom API uses found in 1 file', findings.length);
  return vscode.l10n.t('Preselected from {0} Intercom API uses found in {1} files', findings.length, files);
}

/**
 * Why the checklist cannot run in this window, if it cannot (package.json's `capabilities` say the same;
 * its menus hide the command, this refuses calls from elsewhere).
 */
function unavailableBecause(): string | undefined {
  if (!vscode.workspace.isTrusted) {
    return vscode.l10n.t('Generate Scope Checklist reads every source file of this folder and writes a file into it, so it is off in Restricted Mode. Trust the folder to use it.');
  }
  if (vscode.workspace.workspaceFolders?.some((f) => f.uri.scheme !== 'file')) {
    return vscode.l10n.t('Generate Scope Checklist scans folders on disk; this window has a virtual folder. Open a local clone of the code instead.');
  }
  return undefined;
}

export class ScopeChecklist implements vscode.Disposable {
  private readonly proposed = new ProposedChecklist();
  /** The read-only intercom_required_scopes language-model tool: the plan as JSON. */
  readonly tool: vscode.LanguageModelTool<unknown> = {
    invoke: async (_options, token) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(JSON.stringify(await this.plan(token), null, 2))]),
  };

  constructor(private readonly services: Services) {}

  dispose(): void {
    this.proposed.dispose();
  }

  /** The scope plan for the open folder without any prompt (the intercom_required_scopes tool): see requiredScopes. */
  async plan(token: vscode.CancellationToken): Promise<object> {
    const unavailable = unavailableBecause();
    if (unavailable) return { unavailable };
    const scan = await scanFolder(this.services.log, this.services.context.extensionUri, { report: () => undefined }, token);
    if (scan.result.cancelled) return { unavailable: 'cancelled' };
    await saveProjects(this.services.context.workspaceState, scan.result.projects);
    return requiredScopes(scan.result, vscode.workspace.workspaceFolders?.map((f) => f.name) ?? []);
  }

  async generate(): Promise<vscode.TextDocument | undefined> {
    const { services, proposed } = this;
    const { context, ui, log, sessions, walkthrough } = services;
    const unavailable = unavailableBecause();
    if (unavailable) {
      log.info('Scope checklist refused: Restricted Mode or a virtual folder');
      void ui.current.message('info', unavailable);
      return undefined;
    }
    const scan = await ui.current.progress(vscode.l10n.t('Scanning the folder for Intercom API use'), (progress, token) =>
      scanFolder(log, context.extensionUri, progress, token).then((s): FolderScan | undefined => (s.result.cancelled || token.isCancellationRequested ? undefined : s)));
    if (!scan) {
      void ui.current.message('info', vscode.l10n.t('Scope checklist cancelled.'));
      return undefined;
    }
    // The code analysis of open files reads the project's wrappers from the last scan.
    await saveProjects(context.workspaceState, scan.result.projects);
    const { findings } = scan.result;
    const preselected = new Set(capabilitiesForFindings(findings));
    const picked = await ui.current.pick(capabilityItems(preselected, findings), {
      canPickMany: true,
      title: vscode.l10n.t('Generate Scope Checklist: what does your app do?'),
      placeHolder: scanSummary(findings),
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
      if (answer === yes) {
        check = await ui.current.progress(vscode.l10n.t('Checking scopes against {0}…', workspaceTitle(session)), (_p, token) => checkScopes(services, session, token));
        await services.scopeChecks.save(session.id, check.checks);
      }
    }

    const checklist = buildChecklist({ capabilities: chosen, findings, scan: scan.result });
    const target = checklistUri();
    const folder = target && path.posix.dirname(target.path);
    const link = (f: Located) => {
      const file = scan.files.get(f.file);
      if (!file) return f.file;
      const relative = folder && file.path.startsWith(`${folder}/`) ? file.path.slice(folder.length + 1) : file.toString();
      return `${relative}#L${f.line}`;
    };
    const needed = new Set(checklist.sections.flatMap((s) => s.items.map((i) => i.scope.label)));
    const untick = check && grantedButUnneeded(check.checks, needed);
    // No timestamp: the same checklist renders the same text, so a rerun can tell that nothing changed.
    const lines = [renderChecklist(checklist, { link, untick }).trimEnd()];
    if (check && session) {
      lines.push(...renderScopeCheck({ workspace: workspaceTitle(session), checks: check.checks, uncheckable: UNCHECKABLE_SCOPES, needed, stoppedBecause: check.stoppedBecause }));
    }
    log.info(`Scope checklist: ${chosen.length} capabilities, ${checklist.sections.reduce((n, s) => n + s.items.length, 0)} scopes`);
    const document = await writeChecklist(ui.current, target, services.redactor.redact(`${lines.join('\n')}\n`), proposed);
    if (document) {
      await walkthrough.mark('checklistGenerated');
      // Read rendered beside the source; without the built-in Markdown extension the source alone is fine.
      await vscode.commands.executeCommand('markdown.showPreviewToSide', document.uri)
        .then(undefined, (error: unknown) => log.warn(`Markdown preview not shown: ${error instanceof Error ? error.message : String(error)}`));
    }
    return document;
  }
}
