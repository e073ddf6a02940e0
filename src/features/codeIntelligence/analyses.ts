// The analysis of each open document, kept per version: computed after an edit on a timer (never in the
// change event), or at once when a provider asks for a version not analysed yet. It runs on the extension
// host's thread, so it is bounded: a document whose analysis runs too long (a crafted file repeating a costly
// pattern) is left unanalysed while it stays open, and the log says so.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { analyzeDocument, NO_ANALYSIS, type Analysis } from '../../codeIntelligence/analyze';
import type { Log } from '../../log';
import { Budget, ScanStopped } from '../../scopes/budget';
import type { AnalysisEnvironment } from './environment';

/** How long after the last edit a document is analysed. */
export const ANALYSE_AFTER_EDIT_MS = 250;
/** How long one analysis may hold the extension host's thread. */
export const ANALYSIS_BUDGET_MS = 300;

/** The schemes of documents that are the user's code (not a diff's other side, not output). */
const SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'];

interface Cached {
  readonly version: number;
  readonly generation: number;
  readonly analysis: Analysis;
}

export class DocumentAnalyses implements vscode.Disposable {
  private readonly cache = new Map<string, Cached>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents (uri) whose analysis ran over its budget: not analysed again until closed. */
  private readonly tooSlow = new Set<string>();
  private readonly analysed = new vscode.EventEmitter<vscode.TextDocument>();
  /** A document's analysis changed. */
  readonly onDidAnalyse = this.analysed.event;

  constructor(private readonly env: AnalysisEnvironment, private readonly languages: readonly string[], private readonly log: Log) {}

  watches(document: vscode.TextDocument): boolean {
    return this.languages.includes(document.languageId) && SCHEMES.includes(document.uri.scheme);
  }

  /** The analysis of the document as it is now. */
  get(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version && cached.generation === this.env.generation) return cached.analysis;
    const analysis = this.tooSlow.has(key) ? NO_ANALYSIS : this.analyse(document, key);
    this.cache.set(key, { version: document.version, generation: this.env.generation, analysis });
    return analysis;
  }

  private analyse(document: vscode.TextDocument, key: string): Analysis {
    const { env } = this;
    // Relative to the folder: test code is told by its folders, which must not be the folder's own parents.
    const file = vscode.workspace.asRelativePath(document.uri, false);
    const budget = new Budget({ deadline: performance.now() + ANALYSIS_BUDGET_MS, now: () => performance.now() });
    try {
      return analyzeDocument({
        file,
        languageId: document.languageId,
        text: document.getText(),
        pinnedVersionDefault: env.pinnedVersionDefault,
        catalog: env.catalog,
        scopeCheck: env.scopeCheck,
        region: env.region,
        gitTracked: env.gitTracked(document.uri),
        project: env.project(document.uri),
        budget,
      });
    } catch (error) {
      if (!(error instanceof ScanStopped)) throw error;
      this.tooSlow.add(key);
      this.log.warn(`Intercom in the code: ${file} is not analysed, its analysis took over ${ANALYSIS_BUDGET_MS} ms. Close and reopen it to try again.`);
      return NO_ANALYSIS;
    }
  }

  /** Analyses the document after `ms`, replacing a pending run; tells listeners when done. */
  schedule(document: vscode.TextDocument, ms: number): void {
    if (!this.watches(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (document.isClosed) return;
      this.get(document);
      this.analysed.fire(document);
    }, ms));
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.cache.delete(key);
    this.tooSlow.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.analysed.dispose();
  }
}
