// Shared by the code analysis tests: analyse a document by its name, read back what a range covers, and
// apply a quick fix's edits the way the editor would.
import { analyzeDocument, type Analysis, type AnalysisInput } from '../../../src/codeIntelligence/analyze';
import { LineIndex } from '../../../src/codeIntelligence/lines';
import type { CodeDiagnostic, QuickFix, Range, TextEdit } from '../../../src/codeIntelligence/model';
import { loadCatalog } from '../../../src/explorer/catalog';

const LANGUAGE_IDS: Readonly<Record<string, string>> = {
  js: 'javascript', jsx: 'javascriptreact', ts: 'typescript', tsx: 'typescriptreact', py: 'python', rb: 'ruby', php: 'php', go: 'go',
};

/** The analysis of `text` as the file `file` (its extension gives the language unless `input` does), with the setting at 2.16. */
export function analyze(file: string, text: string, input: Partial<AnalysisInput> = {}): Analysis {
  const languageId = input.languageId ?? LANGUAGE_IDS[file.slice(file.lastIndexOf('.') + 1)];
  if (!languageId) throw new Error(`no language for ${file}: name one`);
  return analyzeDocument({ file, languageId, text, pinnedVersionDefault: '2.16', catalog: loadCatalog(), gitTracked: false, ...input });
}

/** The text a range covers. */
export function covered(text: string, range: Range): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offset(range.start), lines.offset(range.end));
}

/** The diagnostics with a code, each as what its range covers. */
export function flagged(text: string, analysis: Analysis, code: CodeDiagnostic['code']): string[] {
  return analysis.diagnostics.filter((d) => d.code === code).map((d) => covered(text, d.range));
}

/** The text after a quick fix's edits. */
export function applyFix(text: string, fix: QuickFix): string {
  if (fix.kind !== 'edit') throw new Error(`not an edit: ${fix.title}`);
  const lines = new LineIndex(text);
  const edits = [...fix.edits].sort((a: TextEdit, b: TextEdit) => lines.offset(b.range.start) - lines.offset(a.range.start));
  return edits.reduce((out, e) => out.slice(0, lines.offset(e.range.start)) + e.newText + out.slice(lines.offset(e.range.end)), text);
}

/** The only diagnostic with a code; fails when there is not exactly one. */
export function only(analysis: Analysis, code: CodeDiagnostic['code']): CodeDiagnostic {
  const found = analysis.diagnostics.filter((d) => d.code === code);
  if (found.length !== 1) throw new Error(`expected one ${code}, got ${found.length}: ${found.map((d) => d.message).join(' | ')}`);
  return found[0];
}
