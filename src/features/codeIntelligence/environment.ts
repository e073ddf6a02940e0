// What the analysis of a document needs beyond its text: the catalog, intercom.apiVersion, the connected
// workspace's region and stored scope check, the wrappers from the last folder scan, and whether git tracks
// the file. `generation` changes whenever one of them does, so cached analyses are known to be stale.
import { execFile } from 'node:child_process';
import path from 'node:path';
import * as vscode from 'vscode';
import type { Region } from '../../api/hosts';
import { readSettings } from '../../host/config';
import { loadCatalog, type Catalog } from '../../explorer/catalog';
import type { CheckResults } from '../../scopes/checkReport';
import type { ProjectContext } from '../../scopes/scanState';
import { currentSession } from '../../host/session/current';
import type { Services } from '../../host/services';
import { projectOf } from './folderScan';

export const CODE_LENS_SETTING = 'intercom.codeIntelligence.codeLens';

export class AnalysisEnvironment implements vscode.Disposable {
  readonly catalog: Catalog = loadCatalog();
  generation = 0;
  pinnedVersionDefault = readSettings().apiVersion;
  scopeCheck: CheckResults | undefined;
  region: Region | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Git's answer per file (uri): tracked or not; a file being asked is absent. */
  private readonly tracked = new Map<string, boolean>();
  private readonly asking = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly services: Services) {
    this.subscriptions = [
      this.changed,
      services.sessions.onDidChange(() => void this.readConnection()),
      services.scopeChecks.onDidChange(() => void this.readConnection()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('intercom.apiVersion')) return;
        this.pinnedVersionDefault = readSettings().apiVersion;
        this.bump();
      }),
      // Trusting the folder turns the git check on.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.bump()),
    ];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  /** Reads the current session's region and stored scope check; resolves once they are in. */
  async readConnection(): Promise<void> {
    const session = await currentSession(this.services.context.globalState, this.services.sessions);
    this.scopeCheck = session && this.services.scopeChecks.get(session.id);
    this.region = session?.region ?? undefined;
    this.bump();
  }

  project(uri: vscode.Uri): ProjectContext | undefined {
    return projectOf(this.services.context.workspaceState, uri);
  }

  /**
   * Whether git tracks the file, as far as known now: false until git answers (then the analysis runs
   * again), and always false in Restricted Mode, where running git (which reads the repository's own
   * configuration) is not done.
   */
  gitTracked(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' || !vscode.workspace.isTrusted) return false;
    const key = uri.toString();
    const known = this.tracked.get(key);
    if (known !== undefined || this.asking.has(key)) return known ?? false;
    this.asking.add(key);
    execFile('git', ['ls-files', '--error-unmatch', '--', path.basename(uri.fsPath)], { cwd: path.dirname(uri.fsPath), timeout: 10_000 }, (error) => {
      this.asking.delete(key);
      this.tracked.set(key, !error);
      if (!error) this.bump();
    });
    return false;
  }

  /** Asks git again next time: a file saved or reopened may have been added since. */
  forgetGit(uri: vscode.Uri): void {
    this.tracked.delete(uri.toString());
  }

  private bump(): void {
    this.generation++;
    this.changed.fire();
  }
}
