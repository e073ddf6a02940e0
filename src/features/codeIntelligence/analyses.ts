// The analysis of each open document, kept per version: computed after an edit on a timer (never in the
// change event), or at once when a provider asks for a version not analysed yet.
import * as vscode from 'vscode';
import { analyzeDocument, type Analysis } from '../../codeIntelligence/analyze';
import type { AnalysisEnvironment } from './environment';

/** How long after the last edit a document is analysed. */
export const ANALYSE_AFTER_EDIT_MS = 250;

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
  private readonly analysed = new vscode.EventEmitter<vscode.TextDocument>();
  /** A document's analysis changed. */
  readonly onDidAnalyse = this.analysed.event;

  constructor(private readonly env: AnalysisEnvironment, private readonly languages: readonly string[]) {}

  watches(document: vscode.TextDocument): boolean {
    return this.languages.includes(document.languageId) && SCHEMES.includes(document.uri.scheme);
  }

  /** The analysis of the document as it is now. */
  get(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version && cached.generation === this.env.generation) return cached.analysis;
    const { env } = this;
    const analysis = analyzeDocument({
      // Relative to the folder: test code is told by its folders, which must not be the folder's own parents.
      file: vscode.workspace.asRelativePath(document.uri, false),
      languageId: document.languageId,
      text: document.getText(),
      pinnedVersionDefault: env.pinnedVersionDefault,
      catalog: env.catalog,
      scopeCheck: env.scopeCheck,
      region: env.region,
      gitTracked: env.gitTracked(document.uri),
      project: env.project(document.uri),
    });
    this.cache.set(key, { version: document.version, generation: env.generation, analysis });
    return analysis;
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
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.analysed.dispose();
  }
}
