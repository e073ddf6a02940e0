// A received signature compared with the computed one by `==`, `===`, `!=` or `strcmp`: the time the
// comparison takes tells an attacker how much of a forged signature is right. Only near an HMAC for an
// Intercom signature header (hmacSites) in a file that reads one from a request, only where one side
// comes from the request's signature and the other from the HMAC, and not where the neighbourhood already
// compares in constant time.
import { escapeRegExp, type Language } from '../scopes/source';
import { forIntercom, type HmacSite, type HmacSites, type Span } from './hmacSites';
import type { LineIndex } from './lines';
import { diagnostic, type CodeDiagnostic, type QuickFix } from './model';

const CONSTANT_TIME = /timingSafeEqual|compare_digest|secure_compare|hash_equals|hmac\.Equal|ConstantTimeCompare|subtle\.verify|safe_str_cmp|constant_time_compare/;
const COMPARISON = /(?<![=!<>])(===|!==|==|!=)(?!=)/g;
const STRCMP = /\bstrcmp\s*\(/g;

/** A constant: a string (a template without `${…}` in it), a number, nothing. */
const LITERAL = /^(?:(['"])(?:(?!\1).)*\1|`(?:[^`$]|\$(?!\{))*`|\d[\w.]*|null|nil|None|undefined|true|false|NULL)$/;
const LENGTH = /\.length$|\.size$|\.count$|\.bytesize$|^(?:len|strlen|count)\s*\(/;
const FROM_HMAC = /createHmac|hmac|HMAC|hash_hmac|hexdigest|\.digest\s*\(|\.Sum\s*\(/;
const FROM_HEADER = /x[-_](?:hub|body)[-_]signature/i;
const SIGNATURE_NAME = /sig/i;
const DIGEST_NAME = /digest|hmac|hash|\bmac\b|expected|computed|calculated|generated/i;
/** A line that only logs: a comparison printed there gates nothing an attacker could time. */
const LOGGED = /^\s*(?:console\.\w+|print\w*|puts|echo|error_log|fmt\.\w*Print\w*|(?:self\.|this\.)?log(?:ger|ging)?\.\w+)\s*\(/;
const ASSIGNMENT = /([$@]?[A-Za-z_][\w$]*)\s*(?::=|=(?![=>~]))\s*([^\n;]*)/g;

/** Words and marks an operand never runs past, looking left from the operator or right from it. */
const LEFT_BOUNDARY = /(?:^|[(,;{?:!=]|&&|\|\||\b(?:if|unless|return|not|and|or|elif|while|when)\b)\s*$/;
const RIGHT_BOUNDARY = /^\s*(?:$|[),;{?]|:\s*$|&&|\|\||\b(?:and|or|then)\b)/;

interface Operand extends Span {
  readonly text: string;
}

/** The operand left of `at` on its line: back to a boundary, over balanced brackets and strings. */
function leftOperand(code: string, lineStart: number, at: number): Operand | undefined {
  let depth = 0;
  let quote = '';
  for (let i = at - 1; i >= lineStart; i--) {
    const ch = code[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === ')' || ch === ']') depth++;
    else if (ch === '(' || ch === '[') {
      if (depth === 0) return operand(code, i + 1, at);
      depth--;
    } else if (depth === 0 && LEFT_BOUNDARY.test(code.slice(lineStart, i + 1)) && /[\s(,;{?:!=&|]/.test(ch)) return operand(code, i + 1, at);
  }
  return depth === 0 && !quote ? operand(code, lineStart, at) : undefined;
}

/** The operand right of `from` on its line: up to a boundary, over balanced brackets and strings. */
function rightOperand(code: string, from: number, lineEnd: number): Operand | undefined {
  let depth = 0;
  let quote = '';
  for (let i = from; i < lineEnd; i++) {
    const ch = code[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (depth === 0 && RIGHT_BOUNDARY.test(code.slice(i, lineEnd))) return operand(code, from, i);
  }
  return depth === 0 && !quote ? operand(code, from, lineEnd) : undefined;
}

function operand(code: string, start: number, end: number): Operand | undefined {
  const raw = code.slice(start, end);
  const text = raw.trim();
  if (!text) return undefined;
  const lead = raw.length - raw.trimStart().length;
  return { start: start + lead, end: start + lead + text.length, text };
}

/** A line that goes on with the chain of the line above: `  .createHmac(…)`. */
const CHAIN_GOES_ON = /^\s*\./;

/** Only the lines that name an HMAC, a helper or the header can assign one: reading every line costs more. */
const CUES = [FROM_HMAC.source, FROM_HEADER.source];
/** The last cue search built, kept: a document's helpers rarely change from one edit to the next. */
let lastCues = { key: '', regex: new RegExp(CUES.join('|'), 'gi') };

function cuesFor(helpers: ReadonlySet<string>): RegExp {
  const key = [...helpers].join(' ');
  if (key !== lastCues.key) {
    lastCues = { key, regex: new RegExp([...CUES, ...[...helpers].map((h) => `\\b${h.replace(/[$?!]/g, '\\$&')}\\(`)].join('|'), 'gi') };
  }
  return lastCues.regex;
}

/** Names the file assigns from an HMAC (or a function of the file making one), and from the request's signature header. */
function assignedNames(code: string, helpers: ReadonlySet<string>): { digest: Set<string>; signature: Set<string> } {
  const digest = new Set<string>();
  const signature = new Set<string>();
  const callsHelper = (value: string) => [...helpers].some((name) => value.includes(`${name}(`));
  let lineEnd = -1;
  for (const cue of code.matchAll(cuesFor(helpers))) {
    if (cue.index < lineEnd) continue;
    let lineStart = code.lastIndexOf('\n', cue.index) + 1;
    // A chain going on from the lines above (`sig = crypto⏎  .createHmac(…)`) is assigned where it starts.
    while (lineStart > 0 && CHAIN_GOES_ON.test(code.slice(lineStart, cue.index))) lineStart = code.lastIndexOf('\n', lineStart - 2) + 1;
    lineEnd = code.indexOf('\n', cue.index);
    if (lineEnd < 0) lineEnd = code.length;
    for (const m of code.slice(lineStart, lineEnd).replace(/\n\s*(?=\.)/g, ' ').matchAll(ASSIGNMENT)) {
      if (FROM_HMAC.test(m[2]) || callsHelper(m[2])) digest.add(m[1]);
      if (FROM_HEADER.test(m[2])) signature.add(m[1]);
    }
  }
  for (const copy of copiesOf(code, signature)) signature.add(copy);
  return { digest, signature };
}

/** Names assigned from one of `names`, not through an HMAC: `hash = header.replace('sha1=', '')` is the signature still. */
function copiesOf(code: string, names: ReadonlySet<string>): string[] {
  if (names.size === 0) return [];
  const alternatives = [...names].map(escapeRegExp).join('|');
  const uses = new RegExp(`(?<![\\w$])(?:${alternatives})(?![\\w$])`, 'g');
  const mentions = new RegExp(uses.source);
  const copies: string[] = [];
  let lineEnd = -1;
  for (const use of code.matchAll(uses)) {
    if (use.index < lineEnd) continue;
    lineEnd = code.indexOf('\n', use.index);
    if (lineEnd < 0) lineEnd = code.length;
    for (const m of code.slice(code.lastIndexOf('\n', use.index) + 1, lineEnd).matchAll(ASSIGNMENT)) {
      if (!names.has(m[1]) && !FROM_HMAC.test(m[2]) && mentions.test(m[2])) copies.push(m[1]);
    }
  }
  return copies;
}

function sides(left: string, right: string, names: ReturnType<typeof assignedNames>): boolean {
  const isSignature = (op: string) => SIGNATURE_NAME.test(op) || FROM_HEADER.test(op) || names.signature.has(op);
  const isDigest = (op: string) => DIGEST_NAME.test(op) || FROM_HMAC.test(op) || names.digest.has(op);
  return (isSignature(left) && isDigest(right)) || (isDigest(left) && isSignature(right));
}

/** The constant-time call for the language, where it needs nothing the file may lack. JS has none: timingSafeEqual throws on unequal lengths. */
function constantTimeCall(lang: Language, code: string, a: string, b: string): { title: string; text: string } | undefined {
  switch (lang) {
    case 'python': return /^[ \t]*import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*hmac\b/m.test(code) ? { title: 'hmac.compare_digest', text: `hmac.compare_digest(${a}, ${b})` } : undefined;
    case 'php': return { title: 'hash_equals', text: `hash_equals(${a}, ${b})` };
    case 'ruby': return { title: 'Rack::Utils.secure_compare', text: `Rack::Utils.secure_compare(${a}, ${b})` };
    case 'go': return { title: 'hmac.Equal', text: `hmac.Equal([]byte(${a}), []byte(${b}))` };
    case 'js': return undefined;
  }
}

const NOT: Readonly<Record<Language, string>> = { python: 'not ', php: '!', ruby: '!', go: '!', js: '!' };
const ADVICE: Readonly<Record<Language, string>> = {
  js: 'crypto.timingSafeEqual (on Buffers of equal length)',
  python: 'hmac.compare_digest',
  ruby: 'Rack::Utils.secure_compare (or ActiveSupport::SecurityUtils.secure_compare)',
  php: 'hash_equals',
  go: 'hmac.Equal (or subtle.ConstantTimeCompare)',
};

function message(lang: Language, how: string): string {
  return `The signature is compared with ${how}, which takes longer the more characters match: an attacker can time it to forge a signature. Compare with ${ADVICE[lang]}.`;
}

function comparisons(code: string, lang: Language, lines: LineIndex, site: HmacSite, names: ReturnType<typeof assignedNames>): CodeDiagnostic[] {
  const found: CodeDiagnostic[] = [];
  const { start, end } = site.window;
  for (const m of code.slice(start, end).matchAll(COMPARISON)) {
    const at = start + m.index;
    const line = lines.lineAt(at);
    if (LOGGED.test(code.slice(lines.lineStart(line), at))) continue;
    const lineStart = lines.lineStart(line);
    // An operator starting its line compares what ends the line above (`assert (⏎ f'sha1={…}'⏎ == received)`).
    const left = code.slice(lineStart, at).trim() === '' && line > 0
      ? leftOperand(code, lines.lineStart(line - 1), lines.lineEnd(line - 1))
      : leftOperand(code, lineStart, at);
    const right = rightOperand(code, at + m[0].length, lines.lineEnd(line));
    if (!left || !right || [left, right].some((op) => LITERAL.test(op.text) || LENGTH.test(op.text))) continue;
    if (!sides(left.text, right.text, names)) continue;
    const range = lines.range(left.start, right.end);
    const call = constantTimeCall(lang, code, left.text, right.text);
    const fixes: QuickFix[] = call
      ? [{ kind: 'edit', title: `Compare with ${call.title}`, edits: [{ range, newText: `${m[1].startsWith('!') ? NOT[lang] : ''}${call.text}` }] }]
      : [];
    found.push(diagnostic('intercom.signature-compare', range, 'warning', message(lang, `\`${m[1]}\``), fixes));
  }
  if (lang !== 'php') return found;
  for (const m of code.slice(start, end).matchAll(STRCMP)) {
    const at = start + m.index;
    const args = code.slice(at + m[0].length, lines.lineEnd(lines.lineAt(at)));
    if (!sides(args, args, names)) continue;
    found.push(diagnostic('intercom.signature-compare', lines.range(at, at + m[0].length - 1), 'warning', message(lang, 'strcmp')));
  }
  return found;
}

export function compareDiagnostics(code: string, lang: Language, lines: LineIndex, { sites, helpers, checksReceived }: HmacSites): CodeDiagnostic[] {
  if (!checksReceived) return [];
  let names: ReturnType<typeof assignedNames> | undefined;
  return sites.flatMap((site) => {
    if (!forIntercom(site) || CONSTANT_TIME.test(code.slice(site.window.start, site.window.end))) return [];
    names ??= assignedNames(code, helpers);
    return comparisons(code, lang, lines, site, names);
  });
}
