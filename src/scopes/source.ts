// Reading just enough of JS/TS, Python, Ruby, PHP and Go source to follow a URL: string literals with
// their interpolations, `+`/`.` concatenation, the variable a value is assigned to, and the HTTP method
// a call shows. Deliberately shallow (no parser): it works on text a line or a statement at a time.

import { bracketStep } from './brackets';
import type { Budget } from './budget';
import { HOLE, type HttpMethod } from './operations';

export type Language = 'js' | 'python' | 'ruby' | 'php' | 'go';

const QUOTES = new Set(['"', "'", '`']);
const MAX_LITERAL = 2000;

export interface Piece {
  /** Text with HOLE where code interpolates or appends a value. */
  readonly value: string;
  /** Index just after the piece. */
  readonly end: number;
}

export const isQuote = (ch: string | undefined): boolean => ch !== undefined && QUOTES.has(ch);

/** Skips a `{…}` group starting at `open`; returns the index after its `}` (or -1 if it never closes). */
function skipBraces(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length && i < open + MAX_LITERAL; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * Reads a literal's body from `from` up to its closing `quote`. `${…}`, `#{…}` and `{…}` (f-strings,
 * PHP `{$x}`, format templates) become HOLE, and so does PHP's `$name` inside double quotes.
 */
export function readBody(text: string, from: number, quote: string, lang: Language): Piece | undefined {
  let value = '';
  for (let i = from; i < text.length && i < from + MAX_LITERAL; ) {
    const ch = text[i];
    if (ch === quote) return { value, end: i + 1 };
    if (ch === '\n' && quote !== '`') return undefined;
    if (ch === '\\') {
      value += text[i + 1] ?? '';
      i += 2;
    } else if ((ch === '$' || ch === '#') && text[i + 1] === '{') {
      const after = skipBraces(text, i + 1);
      if (after < 0) return undefined;
      value += HOLE;
      i = after;
    } else if (ch === '{' && quote !== '`') {
      const after = skipBraces(text, i);
      if (after < 0) return undefined;
      value += HOLE;
      i = after;
    } else if (ch === '$' && lang === 'php' && quote === '"' && /[A-Za-z_]/.test(text[i + 1] ?? '')) {
      const name = /^\$[A-Za-z_]\w*(?:->\w+|\[[^\]\n]*\])*/.exec(text.slice(i, i + 200))!;
      value += HOLE;
      i += name[0].length;
    } else {
      value += ch;
      i++;
    }
  }
  return undefined;
}

/** Reads the literal whose opening quote is at `open`. */
export function readLiteral(text: string, open: number, lang: Language): Piece | undefined {
  const quote = text[open];
  return isQuote(quote) ? readBody(text, open + 1, quote, lang) : undefined;
}

const STRING_PREFIX = /[fFrRbBuU]{1,2}(?=["'])/y;

/** Where a literal's quote is, past a Python string prefix (`f"/articles/{id}"`, `r'…'`) at `at`. */
export function quoteAt(text: string, at: number): number {
  STRING_PREFIX.lastIndex = at;
  return STRING_PREFIX.test(text) ? STRING_PREFIX.lastIndex : at;
}
const OPERAND = /[$A-Za-z_][\w$]*(?:\s*(?:\.|->|::)\s*[$A-Za-z_][\w$]*|\([^()\n]*\)|\[[^\]\n]*\])*/y;

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  return i;
}

/** Operands a URL is followed through: enough for any real URL, and keeps long chains linear. */
const MAX_OPERANDS = 16;

/**
 * Reads `+ '…' + id …` (or PHP `. '…'`) after index `from`, at most MAX_OPERANDS operands: literals keep
 * their text, other operands become HOLE.
 */
export function readConcat(text: string, from: number, lang: Language, budget?: Budget): Piece {
  let value = '';
  let end = from;
  for (let operands = 0; operands < MAX_OPERANDS; operands++) {
    budget?.spend();
    let i = skipSpace(text, end);
    const op = text[i];
    const next = text[i + 1];
    const isPlus = op === '+' && next !== '+' && next !== '=';
    const isDot = lang === 'php' && op === '.' && next !== '=' && !/\d/.test(next ?? '');
    if (!isPlus && !isDot) break;
    i = quoteAt(text, skipSpace(text, i + 1));
    if (isQuote(text[i])) {
      const literal = readLiteral(text, i, lang);
      if (!literal) break;
      value += literal.value;
      end = literal.end;
      continue;
    }
    OPERAND.lastIndex = i;
    const operand = OPERAND.exec(text);
    if (!operand) break;
    value += HOLE;
    end = OPERAND.lastIndex;
  }
  return { value, end };
}

/** The text before `index` on its line, at most `max` characters (minified lines stay cheap). */
export function linePrefix(text: string, index: number, max = 300): string {
  const chunk = text.slice(Math.max(0, index - max), index);
  return chunk.slice(chunk.lastIndexOf('\n') + 1);
}

const NAME_CHAR = /[\w$]/;
const BLANK = /[ \t]/;

/**
 * Where a value read as `receiver.name` starts, given the index of `name`: the method and the variable are found
 * from there. Reads back over the object chain (`d.`, `this.settings.`, `self.`, `$this->`, Ruby's `@`).
 */
export function receiverStart(text: string, at: number): number {
  if (text[at - 1] === '@') return at - 1;
  let start = at;
  for (let hops = 0; hops < 8; hops++) {
    let i = start;
    while (i > 0 && BLANK.test(text[i - 1])) i--;
    if (text[i - 1] === '.' && text[i - 2] !== '.') i--;
    else if (text[i - 1] === '>' && text[i - 2] === '-') i -= 2;
    else return start;
    while (i > 0 && BLANK.test(text[i - 1])) i--;
    const nameEnd = i;
    while (i > 0 && NAME_CHAR.test(text[i - 1])) i--;
    if (i === nameEnd || /\d/.test(text[i])) return start;
    start = i;
  }
  return start;
}

/** A member of the current object, as each language writes it: `this.`, `self.`, Ruby's `@`, PHP's `$this->`. */
export const OWN_MEMBER = String.raw`(?:(?:\bthis|\bself)\.|@|\$this->)`;

// `NAME = `, `const NAME: string = `, `NAME := `, `this.NAME = `, `$NAME = `, `NAME = os.getenv("X") or `, `NAME = URI(`,
// a branch of a conditional (`NAME = eu ? '…' : `; a comparison before it, not another assignment)…
const DIRECT_BINDING = new RegExp(
  String.raw`(?:^|[^\w$.])${OWN_MEMBER}?\$?([A-Za-z_][\w$]*)(?:\s*:\s*[\w$<>[\]|. ]+?)?\s*(?::=|=)\s*(?:(?:[^=;\n]|[=!<>]=+)*?(?:\|\||\?\?|\bor\b|\?|\?[^?;\n]*:)\s*)?(?:[\w$.:]+\(\s*)?[fFrRbBuU]{0,2}$`,
);
// Go's typed declaration, in a `const (…)` or `var (…)` block or not: `const NAME string = `, `NAME string = `
// (read as above, `string` would be the name).
const GO_STRING_BINDING = /^[ \t]*(?:(?:const|var)[ \t]+)?([A-Za-z_]\w*)[ \t]+string[ \t]*=[ \t]*$/;
// What precedes the bracket that encloses a value: `const intercom = axios.create`, `$client = new Client`…
const ENCLOSING_BINDING = new RegExp(
  String.raw`(?:^|[^\w$.])${OWN_MEMBER}?\$?([A-Za-z_][\w$]*)(?:\s*:\s*[\w$<>[\]|. ]+?)?\s*(?::=|=)\s*(?:await\s+)?(?:new\s+)?[\w$.:\\]*\s*$`,
);

/** An assignment's `=` ending a line: its value is written on the next (`const BASE =⏎  env.X || '…'`). */
const ASSIGNS_BELOW = /[^=!<>]=[ \t]*\r?$/;

/** A line going on with a conditional begun above (`⏎  ? '…eu…'⏎  : '…'`, as formatters wrap one). */
const BRANCH_LINE = /^[ \t]*[?:][ \t]/;
/** The lines of a wrapped conditional read back for its assignment: its condition and its two branches. */
const MAX_BRANCH_LINES = 2;

/**
 * The text before `start` on its line, after the line above where that one ends with its assignment's `=`, or
 * after the lines above that the conditional's branch starting this line goes on from.
 */
function assignmentPrefix(text: string, start: number): string {
  let prefix = linePrefix(text, start);
  let lineStart = start - prefix.length;
  for (let joined = 0; lineStart > 0 && joined < MAX_BRANCH_LINES && BRANCH_LINE.test(prefix); joined++) {
    const above = linePrefix(text, lineStart - 1);
    prefix = `${above.trimEnd()} ${prefix.trimStart()}`;
    lineStart -= above.length + 1;
  }
  if (lineStart === 0) return prefix;
  const above = linePrefix(text, lineStart - 1);
  return ASSIGNS_BELOW.test(above) ? `${above.trimEnd()} ${prefix.trimStart()}` : prefix;
}

/** The variables assigned what a call of the function `name` returns: `self.base_url = self._get_base_url(region)`. */
export function assignedCallsOf(text: string, name: string): string[] {
  const call = new RegExp(String.raw`(?:^|[^\w$.])${OWN_MEMBER}?\$?([A-Za-z_][\w$]*)\s*(?::=|=)\s*(?:await\s+)?${OWN_MEMBER}?${escapeRegExp(name)}\s*\(`, 'g');
  return [...text.matchAll(call)].map((m) => m[1]);
}

/** The variable a value starting at `start` is assigned to directly (`url = …`, `const url: string = …`), if any. */
export function directBinding(text: string, start: number): string | undefined {
  const prefix = assignmentPrefix(text, start);
  const direct = GO_STRING_BINDING.exec(prefix) ?? DIRECT_BINDING.exec(prefix);
  // What a request call returns is its response (`data = requests.get("https://api.intercom.io/" + x).json()`).
  if (!direct || SENDS_REQUEST.test(prefix.replace(CALL_OPENING, ''))) return undefined;
  const before = prefix.slice(0, direct.index + direct[0].indexOf(direct[1])).trimEnd();
  // A keyword argument or parameter default (`f(base_url="…")`) is not a variable.
  return /[(,]$/.test(before) ? undefined : direct[1];
}

/** The call opening just before a value: `requests.get(`, `URI(`. */
const CALL_OPENING = /\(\s*[fFrRbBuU]{0,2}$/;

/**
 * A call that sends a request, just before its `(`: `requests.request`, `fetch`, `urlopen`, `requests.get`,
 * `axios.post` (a `get` of anything else is a lookup: `os.environ.get(…, 'https://api.intercom.io')`).
 */
const SENDS_REQUEST = /(?:^|[^\w$])(?:(?:request|fetch|urlopen)|(?:requests|axios|httpx|session|got|ky)\s*\.\s*(?:get|post|put|patch|delete))\s*$/i;

/** A client's default base URL, set after it is made: `axios.defaults.baseURL = '…'` (the client is `axios`). */
const DEFAULTS_BINDING = /(?:^|[^\w$.])([A-Za-z_$][\w$]*)\.defaults\.baseURL\s*=\s*$/;

/**
 * The variables a value starting at `start` is stored in: the one it is assigned to directly, and the
 * one assigned the call or object around it (`const intercom = axios.create({ baseURL: '…' })`); or the client
 * whose defaults it sets.
 */
export function bindingNames(text: string, start: number): string[] {
  const defaults = DEFAULTS_BINDING.exec(linePrefix(text, start));
  if (defaults) return [defaults[1]];
  return [directBinding(text, start), enclosingBinding(text, start)].filter((name): name is string => name !== undefined);
}

/** The variable assigned the call or object around a value starting at `start` (not a request's response). */
export function enclosingBinding(text: string, start: number): string | undefined {
  let depth = 0;
  for (let i = start - 1, openers = 0; i >= 0 && i >= start - 600 && openers < 3; i--) {
    const step = bracketStep(text.charCodeAt(i));
    if (step < 0) depth++;
    else if (text[i] === ';' && depth === 0) break;
    else if (step > 0) {
      if (depth > 0) {
        depth--;
        continue;
      }
      openers++;
      const before = linePrefix(text, i);
      // What a request call returns is its response, not a client (`r = requests.request(verb, BASE + path)`).
      if (SENDS_REQUEST.test(before)) return undefined;
      const enclosing = ENCLOSING_BINDING.exec(before);
      if (enclosing) return openers === 1 && text[i] === '{' && /(?::=|=)\s*$/.test(enclosing[0]) ? keyedMember(text, enclosing[1], start) : enclosing[1];
    }
  }
  return undefined;
}

/** The key a value starting at `start` is written under: `intercom: '…'`, `'base': '…'`. */
const KEY_BEFORE = /(?:^|[{,\s])['"]?([A-Za-z_$][\w$]*)['"]?\s*:\s*$/;

/**
 * The member of an object literal assigned to `name` that holds the value at `start`: `config.intercom` of
 * `const config = { zendesk: '…', intercom: '…' }`. The object holds other values too, another vendor's base.
 */
function keyedMember(text: string, name: string, start: number): string {
  const key = KEY_BEFORE.exec(linePrefix(text, start))?.[1];
  return key ? `${name}.${key}` : name;
}

/** An HTTP method as code writes it (any case), captured: one spelling for every cue that reads one. */
export const HTTP_METHOD = '(get|post|put|patch|delete)';
/** TypeScript type arguments, one level of nesting: `<Me>`, `<Page<Contact>>`. */
export const TYPE_ARGUMENTS = '\\s*<[^<>()\\n]*(?:<[^<>()\\n]*>[^<>()\\n]*)*>';
/** An option naming the method: `method`, or jQuery's and Zendesk apps' `type`. */
const METHOD_KEY = '(?:method|type)';
/** Where a URL argument starts: maybe inside a call (`encodeURI(`), after a string prefix (`f"`). */
const URL_ARGUMENT = String.raw`(?:[\w$.:]+\(\s*)?[fFrRbBuU]{0,2}$`;
// Cues just before a URL argument, tried in order: the first that matches decides.
const PREFIX_CUES: readonly RegExp[] = [
  // axios.post(…, requests.get(…, requests.get(url=…, HTTParty.post "…", $client->put(…, http.Get(…, Net::HTTP.post_form(…,
  // axios.get<Page<T>>(…, WordPress's wp_remote_get(…
  new RegExp(`(?:\\b|\\bwp_(?:safe_)?remote_)${HTTP_METHOD}(?:_form)?(?:${TYPE_ARGUMENTS})?(?:\\s*\\(\\s*(?:url\\s*=\\s*)?|[ \\t]+)${URL_ARGUMENT}`, 'i'),
  // Net::HTTP::Post.new(…
  new RegExp(`Net::HTTP::${HTTP_METHOD}\\.new\\(\\s*(?:URI(?:\\.parse)?\\(\\s*)?$`, 'i'),
  // request('POST', …, http.NewRequest("POST", …, requests.request("POST", …
  new RegExp(`['"]${HTTP_METHOD}['"]\\s*,\\s*${URL_ARGUMENT}`, 'i'),
  // http.NewRequest(http.MethodPost, …
  new RegExp(`\\bhttp\\.Method${HTTP_METHOD}\\s*,\\s*(?:[\\w$.:]+\\(\\s*)?$`, 'i'),
  // axios({ method: 'post', url: …, jQuery's $.ajax({ type: 'POST', url: …
  new RegExp(`\\b${METHOD_KEY}['"]?\\s*(?::|=>|=)\\s*['"]${HTTP_METHOD}['"]\\s*,\\s*['"]?\\w+['"]?\\s*(?::|=>|=)\\s*[fFrRbBuU]{0,2}$`, 'i'),
  // The URL in the options a method's call is given first: request.post({ url: …, got.put({ headers, url: …
  new RegExp(`\\b${HTTP_METHOD}\\s*\\(\\s*\\{[^{}()]*?\\b(?:url|uri)['"]?\\s*:\\s*[fFrRbBuU]{0,2}$`, 'i'),
  // A helper named for its method, in capitals or after an HTTP word (case matters: no `budget(`, `cachePut(`):
  // httpPOST(…, ajaxParamsGET(…, httpGet(…, apiDelete(…
  new RegExp(`[a-z\\d](GET|POST|PUT|PATCH|DELETE)\\s*\\(\\s*${URL_ARGUMENT}`),
  new RegExp(`\\b(?:http|api|ajax|request|fetch|send|do)[A-Za-z]*?(Get|Post|Put|Patch|Delete)\\s*\\(\\s*${URL_ARGUMENT}`),
];
// Calls whose method, if not given in their options, is GET.
const GET_BY_DEFAULT = /\b(?:fetch|\$fetch|ofetch|axios|got|ky|request|Request|urlopen|file_get_contents|URI\.open|open)\s*\(\s*[fFrRbBuU]{0,2}$/;
const CURL = /\b(?:curl_init\s*\(|CURLOPT_URL\s*,)\s*$/;
const METHOD_OPTION = new RegExp(`\\b${METHOD_KEY}['"]?\\s*(?::|=>|=)\\s*['"]${HTTP_METHOD}['"]`, 'i');
const CURL_METHOD = new RegExp(`CURLOPT_CUSTOMREQUEST\\s*,\\s*['"]${HTTP_METHOD}['"]`, 'i');
const CURL_POST = /CURLOPT_POST(?:FIELDS)?\s*,/;

const asMethod = (word: string): HttpMethod => word.toUpperCase() as HttpMethod;

/** A literal map opening an argument: `['…' =>`, `array(`, `{`, Python's `params={`, axios' `{ params: {`. */
const MAP_START = /\s*(?:(?:params|query)\s*[=:]\s*|\{\s*(?:params|query)\s*:\s*)?(?:\{|\[|array\s*\()/y;
/** A key in a map: quoted before `=>` or `:`, bare before `:` (not `::`), or JS shorthand (`{ email }`). */
const MAP_KEY = /['"]([A-Za-z_]\w*)['"]\s*(?:=>|:)|(?<![\w$.'"])([A-Za-z_]\w*)\s*:(?!:)|(?<=[{,]\s*)([A-Za-z_]\w*)(?=\s*[,}])/g;

/**
 * The keys of the literal map that opens the argument at `from` (`['user_id' => $id]`, `{ email }`,
 * `params={'user_id': uid}`, read to the end of the call): the query a client sends with a path. Empty when
 * the argument is no literal map.
 */
export function literalKeys(text: string, from: number): string[] {
  MAP_START.lastIndex = from;
  if (!MAP_START.test(text)) return [];
  return [...restOfCall(text, MAP_START.lastIndex - 1).matchAll(MAP_KEY)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** A keyword argument opening a call: Python's and PHP's `email=` / `email:`, Ruby's `email:` and `:email =>`. */
const KEYWORD_START = /\s*(?:([A-Za-z_]\w*)\s*=(?![=>])|([A-Za-z_]\w*):(?!:)|:([A-Za-z_]\w*)\s*=>)/y;

/** The keys an argument starting at `from` names: a literal map's (literalKeys), else a keyword argument's. */
export function argumentKeys(text: string, from: number): string[] {
  const keys = literalKeys(text, from);
  if (keys.length > 0) return keys;
  KEYWORD_START.lastIndex = from;
  const m = KEYWORD_START.exec(text);
  return m ? [m[1] ?? m[2] ?? m[3]] : [];
}

/** The rest of the call or object the value ending at `end` belongs to (up to its closing bracket). */
function restOfCall(text: string, end: number): string {
  let depth = 0;
  const limit = Math.min(text.length, end + 400);
  for (let i = end; i < limit; i++) {
    depth += bracketStep(text.charCodeAt(i));
    if (depth < 0 || (depth === 0 && text[i] === ';')) return text.slice(end, i);
  }
  return text.slice(end, limit);
}

/** The HTTP method the call around a URL value spanning [start, end) names (its name, an argument, its options), or undefined. */
export function methodAt(text: string, start: number, end: number): HttpMethod | undefined {
  const window = text.slice(Math.max(0, start - 200), start);
  for (const cue of PREFIX_CUES) {
    const m = cue.exec(window);
    if (m) return asMethod(m[1]);
  }
  if (CURL.test(window)) {
    const setup = text.slice(end, end + 800);
    const custom = CURL_METHOD.exec(setup);
    return custom ? asMethod(custom[1]) : CURL_POST.test(setup) ? 'POST' : 'GET';
  }
  const option = METHOD_OPTION.exec(restOfCall(text, end));
  return option ? asMethod(option[1]) : undefined;
}

/**
 * What plainly sends a request, just before a URL argument: an HTTP library's or a client's method
 * (`requests.post(`, `client.put(`, `intercom.post(`, `HTTParty.post `), fetch, or a method named beside the URL. Not any `.get(`:
 * `cache.get(URL)` and `seen.delete(URL)` read a map.
 */
const REQUEST_BEFORE = new RegExp(
  `(?:\\b(?:requests|httpx|axios|got|ky|superagent|HTTParty|Faraday|RestClient|https?|session|conn(?:ection)?|api|sdk|rest|\\w*client|\\w*session|\\w*intercom)` +
    `\\s*(?:\\.|->|::)\\s*${HTTP_METHOD}(?:_form)?(?:${TYPE_ARGUMENTS})?(?:\\s*\\(\\s*|[ \\t]+)|\\b(?:fetch|request)\\s*\\(\\s*|['"]${HTTP_METHOD}['"]\\s*,\\s*` +
    `|\\bhttp\\.Method${HTTP_METHOD}\\s*,\\s*|Net::HTTP::${HTTP_METHOD}\\.new\\(\\s*(?:URI(?:\\.parse)?\\(\\s*)?)$`,
  'i',
);

/** The method of a request the value spanning [start, end) is plainly sent by (see REQUEST_BEFORE), else undefined. */
export function requestMethodAt(text: string, start: number, end: number): HttpMethod | undefined {
  return REQUEST_BEFORE.test(text.slice(Math.max(0, start - 200), start)) ? methodAt(text, start, end) : undefined;
}

/** Whether the value at `start` is handed to a call that sends GET unless told otherwise (`fetch(url)`, `urlopen(url)`). */
export const isGetByDefault = (text: string, start: number): boolean =>
  GET_BY_DEFAULT.test(text.slice(Math.max(0, start - 200), start));

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
