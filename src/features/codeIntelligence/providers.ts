// The hover, the CodeLens and the quick fixes over the analysis of the document asked about.
import * as vscode from 'vscode';
import type { CallSite } from '../../codeIntelligence/callSites';
import { HOVER_COMMANDS } from '../../codeIntelligence/commands';
import { codeLens, hoverMarkdown } from '../../codeIntelligence/hover';
import type { DocumentAnalyses } from './analyses';
import { codeOf, toCodeAction, toRange } from './convert';
import { CODE_LENS_SETTING, type AnalysisEnvironment } from './environment';

const siteAt = (sites: readonly CallSite[], position: vscode.Position): CallSite | undefined =>
  sites.find((site) => toRange(site.range).contains(position));

export function hoverProvider(analyses: DocumentAnalyses, env: AnalysisEnvironment): vscode.HoverProvider {
  return {
    provideHover(document, position) {
      const site = siteAt(analyses.get(document).callSites, position);
      if (!site) return undefined;
      const markdown = new vscode.MarkdownString(hoverMarkdown(site, env.scopeCheck, env.catalog.versions));
      // Command links run our own request commands only, whatever the code under the cursor contains.
      markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
      return new vscode.Hover(markdown, toRange(site.range));
    },
  };
}

export class CallCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly analyses: DocumentAnalyses, private readonly env: AnalysisEnvironment) {}

  /** The setting changed, or an analysis did. */
  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration().get<boolean>(CODE_LENS_SETTING, false)) return [];
    return this.analyses.get(document).callSites.map((site) => {
      const lens = codeLens(site, this.env.scopeCheck);
      return new vscode.CodeLens(toRange(site.range), { title: lens.title, command: lens.command?.id ?? '', arguments: lens.command && [...lens.command.arguments] });
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function quickFixProvider(analyses: DocumentAnalyses): vscode.CodeActionProvider {
  return {
    provideCodeActions(document, _range, context) {
      const actions: vscode.CodeAction[] = [];
      const found = analyses.get(document).diagnostics;
      for (const diagnostic of context.diagnostics) {
        const code = codeOf(diagnostic);
        const match = code && found.find((d) => d.code === code && toRange(d.range).isEqual(diagnostic.range));
        if (!match) continue;
        match.fixes.forEach((fix, i) => actions.push(toCodeAction(document.uri, fix, diagnostic, i === 0)));
      }
      return actions;
    },
  };
}
