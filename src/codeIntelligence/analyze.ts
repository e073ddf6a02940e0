// The analysis of one open document: its Intercom call sites (for the hover and the CodeLens) and its
// diagnostics with their fixes. Pure and synchronous; the editor runs it debounced after an edit, on
// the scanner's own rules and the wrappers the last folder scan found.
import type { Region } from '../api/hosts';
import type { Catalog } from '../explorer/catalog';
import type { Budget } from '../scopes/budget';
import type { CheckResults } from '../scopes/checkReport';
import { blankComments } from '../scopes/comments';
import { isTestFile, type RequestFinding } from '../scopes/finding';
import { languageOf } from '../scopes/files';
import { scanText } from '../scopes/scanner';
import type { ProjectContext } from '../scopes/scanState';
import type { Language } from '../scopes/source';
import { callSite, findingOffset, type CallSite, type Pin } from './callSites';
import { catalogIndex } from './catalogIndex';
import { compareDiagnostics } from './compareDiagnostics';
import { docstrings } from './docstrings';
import { mayMentionIntercom } from './firstLook';
import { hmacSites } from './hmacSites';
import { LineIndex } from './lines';
import type { CodeDiagnostic } from './model';
import { permissionDiagnostics } from './permissionDiagnostics';
import { pinnedVersions, pinsOfCalls } from './pinnedVersion';
import { regionDiagnostics } from './regionDiagnostics';
import { secretDiagnostics } from './secretDiagnostics';
import { signatureDiagnostics } from './signatureDiagnostics';
import { versionDiagnostics } from './versionDiagnostics';

export interface AnalysisInput {
  /** The document's path (or name, untitled): test code is told by it. */
  readonly file: string;
  /** VS Code's language id; a document in another language gives nothing. */
  readonly languageId: string;
  readonly text: string;
  /** intercom.apiVersion: the version of calls the code pins no version for. */
  readonly pinnedVersionDefault: string;
  readonly catalog: Catalog;
  /** The connected session's stored scope check (Developer Hub label → granted or missing). */
  readonly scopeCheck?: CheckResults;
  /** The connected workspace's region. */
  readonly region?: Region;
  /** Git tracks the file: a secret in it is an error. False when unknown (Restricted Mode). */
  readonly gitTracked: boolean;
  /** What the last folder scan says of the file: the project's Intercom wrappers it imports. */
  readonly project?: ProjectContext;
  /** Bounds the scan's work; it throws ScanStopped when the budget runs out or it is cancelled. */
  readonly budget?: Budget;
}

export interface Analysis {
  readonly callSites: readonly CallSite[];
  readonly diagnostics: readonly CodeDiagnostic[];
}

const LANGUAGE_IDS: Readonly<Record<string, Language>> = {
  javascript: 'js', javascriptreact: 'js', typescript: 'js', typescriptreact: 'js',
  python: 'python', ruby: 'ruby', php: 'php', go: 'go',
};
const EXTENSIONS: Readonly<Record<Language, string>> = { js: 'ts', python: 'py', ruby: 'rb', php: 'php', go: 'go' };

/** An Intercom API host, written in the code (a docstring's prose does not count). */
const API_HOST = /\bapi(?:\.(?:eu|au))?\.intercom\.io\b/gi;

/** How far after a call's start its own Intercom-Version header may be written. */
const OWN_HEADER_LINES = 12;

/** What a document gives that is not analysed: no call sites, no diagnostics. */
export const NO_ANALYSIS: Analysis = { callSites: [], diagnostics: [] };

const byPosition = (a: CodeDiagnostic, b: CodeDiagnostic): number =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);

export function analyzeDocument(input: AnalysisInput): Analysis {
  const { file, text } = input;
  const lang = LANGUAGE_IDS[input.languageId];
  if (!lang || !mayMentionIntercom(text, input.project)) return NO_ANALYSIS;
  const lines = new LineIndex(text);
  const code = blankComments(text, lang);
  const inTestFile = isTestFile(file);
  // The scanner reads the language from the name: an untitled document gets the extension of its language.
  const scanned = languageOf(file) === lang ? file : `${file}.${EXTENSIONS[lang]}`;
  const findings = scanText(scanned, text, input.budget, input.project, { blanked: code, snippets: false }).filter((f): f is RequestFinding => f.kind !== 'webhook');
  const examples = docstrings(code, lang === 'python');
  const calls = findings.filter((f) => !examples.has(findingOffset(lines, f)));
  // A call's own headers come after its URL, before the next call and within a few lines.
  const spans = calls.map((f, i) => {
    const start = findingOffset(lines, f);
    const next = i + 1 < calls.length ? findingOffset(lines, calls[i + 1]) : text.length;
    return { start, ownUntil: Math.min(next, lines.lineEnd(Math.min(lines.lineCount - 1, lines.lineAt(start) + OWN_HEADER_LINES))) };
  });
  const pinned = pinsOfCalls(pinnedVersions(code), spans);
  const pinOf = (i: number): Pin => {
    const pin = pinned[i];
    return pin ? { version: pin.version, from: 'code' } : { version: input.pinnedVersionDefault, from: 'setting' };
  };
  const index = catalogIndex(input.catalog);
  const namesHost = [...code.matchAll(API_HOST)].some((m) => !examples.has(m.index));
  const callSites = calls.map((f, i) => callSite(f, pinOf(i), { text, lang, lines, index, namesHost }));
  const sites = hmacSites(code, lang, lines);
  const diagnostics = [
    ...callSites.flatMap((site) => [...versionDiagnostics(site, index, text, lines), ...permissionDiagnostics(site, input.scopeCheck, inTestFile)]),
    ...secretDiagnostics({ text, code, lang, lines, gitTracked: input.gitTracked, inTestFile }),
    ...regionDiagnostics(code, lang, lines, input.region, inTestFile).filter((d) => !examples.has(lines.offset(d.range.start))),
    ...signatureDiagnostics(code, lang, lines, sites, { path: file, source: text, inTest: inTestFile }),
    ...compareDiagnostics(code, lang, lines, sites),
  ];
  return { callSites, diagnostics: dedupe(diagnostics).sort(byPosition) };
}

/** HMACs a few lines apart share a neighbourhood: what both of them see is reported once. */
function dedupe(diagnostics: CodeDiagnostic[]): CodeDiagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
