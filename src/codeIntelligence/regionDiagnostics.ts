// Region diagnostic: the connected workspace is hosted in Europe or Australia, but the code names the
// US API host. Information, not a warning: api.intercom.io is reported to forward region-bound tokens,
// so the call may work, only not on the workspace's own host. Only a string literal that is a URL
// (not prose in a docstring). Left alone: OAuth's token endpoint (Intercom documents OAuth on the US host
// only), a default (a fallback, a DEFAULT_ name, a parameter's default, an environment read beside it, a
// field of a pydantic settings class, which the environment overrides, or of a dataclass or model, which its constructor does),
// code that also names a regional host (it chooses by region), and test code (it mocks whatever host the app calls).
import { REGION_HOSTS, REGION_NAMES, type Region } from '../api/hosts';
import { STATIC_FILE } from '../scopes/operations';
import type { Language } from '../scopes/source';
import { literalAt } from './callRange';
import type { LineIndex } from './lines';
import { diagnostic, type CodeDiagnostic } from './model';

const US_HOST = /(?<![\w.-])api\.intercom\.io(?![\w-]|\.[\w-])/gi;
const REGIONAL_HOST = /\bapi\.(?:eu|au)\.intercom\.io\b/i;
/** What may come between a literal's quote and the host. */
const SCHEME_BEFORE = /(?:https?:)?(?:\/\/)?$/i;
/** The quotes that open a string in each language (a backtick in Python or PHP is prose or a shell command). */
const QUOTES: Readonly<Record<Language, string>> = { js: '\'"`', python: '\'"', ruby: '\'"', php: '\'"', go: '"`' };
/** OAuth's endpoints on the US host: the token exchange and uninstall, and a token host handed to an OAuth library. */
const OAUTH_PATH = /^\/auth\//;
const OAUTH_KEY = /\w*(?:token|oauth|auth)\w*['"]?\s*(?::|=>|=)\s*$/i;
/**
 * The literal is a default: the fallback of something else (`base || 'https://…'`, `url ?? …`, `x or …`), a name
 * that says so (`DEFAULT_BASE_URL = …`), or a parameter's default value (`def __init__(self, base="https://…"`).
 */
const DEFAULT = /(?:\|\||\?\?|\bor|\?:)\s*[fFrRbBuU]?$|default\w*['"]?\s*(?::=|=>|:|=)\s*[fFrRbBuU]?$|\b(?:def|function|func)\b[^()]*\([^)]*$/i;
/** Reading an environment variable or setting around the literal: it is only its default (`getenv('X', url)`, `Field(url, env=…)`). */
const ENV_READ = /process\.env|os\.getenv|os\.environ|\bENV\b|\bgetenv\s*\(|\benv\s*[(=]|os\.Getenv|\bconfig\s*\(/;

/**
 * A Python class whose fields are set from outside: by the environment (pydantic's BaseSettings) or by its
 * constructor (a dataclass, attrs, a pydantic model), where a field's value is a parameter's default.
 */
const FIELDS_CLASS = /^class\s+\w+\s*\([^)]*\b(?:BaseSettings|BaseModel)\b/;
const FIELDS_DECORATOR = /^@(?:dataclasses\.)?dataclass\b|^@(?:attr\.s|attrs?\.(?:define|frozen|mutable)|define|frozen)\b/;
const FIELD_BEFORE = /^[ \t]+\w+\s*:\s*[^=\n]+=\s*[fFrRbBuU]?$/;

/** The lines above the one starting at `lineStart`, nearest first. */
function* linesAbove(code: string, lineStart: number): Generator<string> {
  for (let end = lineStart - 1; end > 0;) {
    const start = code.lastIndexOf('\n', end - 1) + 1;
    yield code.slice(start, end);
    end = start - 1;
  }
}

/** In Python, the literal at `open` is a field's value in such a class: `api_base: str = "https://…"`. */
function isClassFieldDefault(code: string, open: number, lang: Language): boolean {
  if (lang !== 'python') return false;
  const lineStart = code.lastIndexOf('\n', open - 1) + 1;
  if (!FIELD_BEFORE.test(code.slice(lineStart, open))) return false;
  const above = linesAbove(code, lineStart);
  // Up to the line that starts at the margin: the class the field is in, if it is in one; then its decorators.
  for (const line of above) {
    if (!/^\S/.test(line)) continue;
    if (FIELDS_CLASS.test(line)) return true;
    if (!/^class\b/.test(line)) return false;
    for (const decorator of above) {
      if (FIELDS_DECORATOR.test(decorator)) return true;
      if (!decorator.startsWith('@')) return false;
    }
  }
  return false;
}

/** A line that goes on to the next: it ends with an open bracket, a comma, an operator or a backslash. */
const GOES_ON = /(?:[([{,\\+\-*/%=|&?.]|\b(?:or|and|not|in))[ \t]*$/;

/**
 * The statement before `at`: back to a `;` or a blank line, at most 200 characters; in Python, Ruby and Go, whose
 * line breaks end statements, back to the line break after the last line that does not go on.
 */
function statementBefore(code: string, at: number, lang: Language): string {
  const before = code.slice(Math.max(0, at - 200), at);
  let cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf('\n\n'));
  if (lang === 'python' || lang === 'ruby' || lang === 'go') {
    for (let line = before.lastIndexOf('\n'); line > cut; line = before.lastIndexOf('\n', line - 1)) {
      if (!GOES_ON.test(before.slice(0, line))) {
        cut = line;
        break;
      }
    }
  }
  return before.slice(cut + 1);
}

const OPENS = '([{';
const CLOSES = ')]}';
/** The name called with the bracket at the end of the text: `os.getenv`, `ENV.fetch`, `env`. */
const CALLEE_BEFORE = /[\w$.:>-]*\s*$/;

/**
 * What the statement before a literal reads at the literal's own level: the call around it (its name and its other
 * arguments, not what they nest), else its own property or element (`{ token: process.env.X, base: 'https://…' }`
 * reads no environment for `base`).
 */
function levelBefore(before: string): string {
  let depth = 0;
  let kept = '';
  for (let i = before.length - 1; i >= 0; i--) {
    const ch = before[i];
    if (CLOSES.includes(ch)) depth++;
    else if (OPENS.includes(ch)) {
      if (depth === 0) return ch === '(' ? `${CALLEE_BEFORE.exec(before.slice(0, i))![0]}(${kept}` : kept.slice(kept.lastIndexOf(',') + 1);
      depth--;
    } else if (depth === 0) kept = ch + kept;
  }
  return kept;
}

/** What follows a literal at its own level, up to the bracket that closes around it (`, env="X")`, not `{ headers: … }`). */
function levelAfter(after: string): string {
  let depth = 0;
  let kept = '';
  for (const ch of after) {
    if (OPENS.includes(ch)) depth++;
    else if (CLOSES.includes(ch)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0) kept += ch;
  }
  return kept;
}

export function regionDiagnostics(code: string, lang: Language, lines: LineIndex, region: Region | undefined, inTestFile: boolean): CodeDiagnostic[] {
  if (!region || region === 'us' || inTestFile || !/api\.intercom\.io/i.test(code) || REGIONAL_HOST.test(code)) return [];
  const host = new URL(REGION_HOSTS[region].apiBase).host;
  const found: CodeDiagnostic[] = [];
  for (const m of code.matchAll(US_HOST)) {
    const end = m.index + m[0].length;
    const scheme = SCHEME_BEFORE.exec(code.slice(Math.max(0, m.index - 8), m.index))![0];
    const open = m.index - scheme.length - 1;
    if (open < 0 || !QUOTES[lang].includes(code[open])) continue;
    const literal = literalAt(code, open, lang);
    // A script a page loads from the host (the old Messenger's library) is no REST call.
    if (!literal || /\s/.test(literal.value) || OAUTH_PATH.test(code.slice(end, end + 6)) || STATIC_FILE.test(literal.value)) continue;
    const before = statementBefore(code, open, lang);
    const after = code.slice(literal.end, lines.lineEnd(lines.lineAt(literal.end)));
    if (OAUTH_KEY.test(before.slice(-80)) || DEFAULT.test(before) || ENV_READ.test(levelBefore(before)) || ENV_READ.test(levelAfter(after))) continue;
    if (isClassFieldDefault(code, open, lang)) continue;
    const range = lines.range(m.index, end);
    found.push(diagnostic('intercom.region-host', range, 'information',
      `The connected workspace is hosted in ${REGION_NAMES[region]}: its REST API is ${host}, and this names the US host.`,
      [{ kind: 'edit', title: `Use ${host}`, edits: [{ range, newText: host }] }]));
  }
  return found;
}
