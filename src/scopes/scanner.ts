// Finds Intercom API use in source text (JS/TS, Python, Ruby, PHP, Go) so the checklist can be
// preselected from the code and cite file:line. Three kinds of finding: REST calls to api*.intercom.io
// (directly, or through a variable or client whose base URL is Intercom's), SDK calls
// (`client.contacts.create(…)`), and exact webhook topic strings. Text only, no parser: a cheap test
// rejects most files before the detailed regexes run. Every pass is linear in the file's length and
// runs on a Budget (time and cancellation). Reading files and the scan's passes are in ./scanFiles.

import { pathsWithMethods } from './besideMethod';
import { Budget } from './budget';
import { blankComments } from './comments';
import { isTestFile, type Finding, type RequestFinding, type UnknownSdkCall, type UnseenMethod } from './finding';
import { functionAround } from './functions';
import { IMPORT_WORDS } from './imports';
import { namesContaining } from './names';
import { handedPaths, type PathSeed } from './pathHelpers';
import { API_ROOTS, guessOperation, HOLE, matchOperation, normalizePath, STATIC_FILE, TELLING_QUERY_KEYS, type HttpMethod, type Operation } from './operations';
import { MethodFlow } from './methodFlow';
import { Receivers } from './receivers';
import { countBefore } from './sorted';
import { lookupQuery, SDK_CHILD_PATTERN, SDK_RESOURCE_PATTERN, sdkCallOperation, sdkLineOf, type SdkLine } from './sdk';
import { maskSecrets, shortenMasks } from './secrets';
import {
  argumentKeys, assignedCallsOf, bindingNames, directBinding, enclosingBinding, escapeRegExp, HTTP_METHOD, isQuote, linePrefix, literalKeys, methodAt, readBody, readConcat, readLiteral, requestMethodAt,
  OWN_MEMBER, quoteAt, receiverStart, TYPE_ARGUMENTS, type Language,
} from './source';
import type { ProjectContext } from './scanState';
import { findTopicRule, isDistinctiveTopic, TOPIC_RULES } from './topics';
import { wrapperFieldUses } from './wrapperFields';
import { languageOf } from './files';

export { isScannable, SCAN_EXCLUDE_GLOB, SCAN_INCLUDE_GLOB } from './files';


/**
 * An import of an official Intercom SDK (intercom-client, python-intercom, intercom-ruby, intercom-php,
 * intercom-go), or Intercom's API host in a string: a file that talks to Intercom, found or not. PHP's
 * `Intercom\…` counts at the root of a name (`use Intercom\IntercomClient`, `\Intercom\…`), not inside
 * the app's own namespace (`NotificationChannels\Intercom\Exceptions`).
 */
const INTERCOM_MODULE =
  /(?:\bfrom\s+|\brequire\s*\(?\s*)['"]intercom(?:-client)?['"]|^[ \t]*(?:from|import)\s+intercom\b|(?<!\w\\)\bIntercom(?:::Client\b|\\\w)|\bintercom\/intercom-go\b|['"`](?:https?:\/\/)?api(?:\.(?:eu|au))?\.intercom\.io\b/m;

// Pre-filter: only files that mention Intercom get the REST and SDK passes.
const MARKER = /intercom/i;
const TOPIC_WORDS = [...new Set(TOPIC_RULES.map((r) => r.topic.split('.')[0]))].join('|');
const TOPIC_LITERAL = new RegExp(`(['"\`])((?:${TOPIC_WORDS})\\.[a-z_.]+)\\1`, 'g');
/** Where a topic literal that counts in a file not mentioning Intercom starts (see isDistinctiveTopic). */
const DISTINCTIVE_TOPIC_START =
  `['"\`](?:(?:${TOPIC_WORDS.split('|').filter((w) => w.includes('_')).join('|')})\\.|(?:${TOPIC_WORDS})\\.[a-z_]*\\.)`;
/**
 * One pass that settles most files in scanFiles, as ripgrep would with PREFILTER_PATTERNS: a file with
 * neither a mention of Intercom nor the start of a distinctive webhook topic has no finding, and a file
 * without its language's import words imports nothing. The text after the first hit answers the rest.
 */
const FIRST_LOOK = Object.fromEntries(
  Object.entries(IMPORT_WORDS).map(([lang, words]) => [lang, new RegExp(`(intercom)|(${DISTINCTIVE_TOPIC_START})|${words}`, 'gi')]),
) as Record<Language, RegExp>;
const MAY_MATTER = new RegExp(`(intercom)|${DISTINCTIVE_TOPIC_START}`, 'gi');
const MENTION = /intercom/gi;

export interface FirstLook {
  /** It may give a finding. */
  readonly mayMatter: boolean;
  /** It mentions Intercom (known when it may matter). */
  readonly mentioned: boolean;
  readonly mayImport: boolean;
}

/** Whether the rest of the text, from `from`, mentions Intercom. */
function mentionsFrom(text: string, from: number): boolean {
  MENTION.lastIndex = from;
  return MENTION.test(text);
}

export function firstLook(text: string, lang: Language): FirstLook {
  const look = FIRST_LOOK[lang];
  look.lastIndex = 0;
  const first = look.exec(text);
  if (!first) return { mayMatter: false, mentioned: false, mayImport: false };
  // Whether it imports anything is left to importsOf once the text may matter.
  if (first[1] !== undefined) return { mayMatter: true, mentioned: true, mayImport: true };
  if (first[2] !== undefined) return { mayMatter: true, mentioned: mentionsFrom(text, look.lastIndex), mayImport: true };
  MAY_MATTER.lastIndex = look.lastIndex;
  const next = MAY_MATTER.exec(text);
  if (!next) return { mayMatter: false, mentioned: false, mayImport: true };
  return { mayMatter: true, mentioned: next[1] !== undefined || mentionsFrom(text, MAY_MATTER.lastIndex), mayImport: true };
}

/** What the scan looks for before any detailed parsing, in ripgrep's syntax: the benchmark's baseline. */
export const PREFILTER_PATTERNS: readonly string[] = ['(?i)intercom', DISTINCTIVE_TOPIC_START];

const HOST = /(?:https?:\/\/)?api(?:\.(?:eu|au))?\.intercom\.io(?![\w-]|\.[\w-])/gi;
/** Names an HTTP client or SDK wrapper is usually given: in files importing an Intercom module, they are one. */
const CLIENT_SITE_NAME = /^(?:\w*client|http|api|sdk|conn|connection|rest)$/i;
const CLIENT_SITE = /(?<![\w$])\$?(?:\w*[cC]lient|http|api|sdk|conn|connection|rest)(?![\w$])/g;
/** A client's call: `.post(`, `->get(`, `.get<Tag[]>(` (TypeScript's type arguments). */
const CLIENT_CALL = new RegExp(`\\s*(?:\\.|->)\\s*(get|post|put|patch|delete|request)(?:${TYPE_ARGUMENTS})?\\s*\\(\\s*`, 'iy');
const INTERPOLATION_BEFORE = /(?:\$\{|#\{|\{\$?)\s*(?:[\w$]+\s*(?:\.|->)\s*)*$/;
/** The members read after a name: `.apiBaseUrl` in `${config.intercom.apiBaseUrl}`. */
const MEMBERS = String.raw`(?:\s*(?:\.|->)\s*[\w$]+)*`;
const INTERPOLATION_AFTER = new RegExp(`${MEMBERS}\\s*\\}`, 'y');
/** A string whose first part is the interpolation: the base starts the URL (not `Bearer ${…}`, not a link's middle). */
const INTERPOLATION_LEADS = /^(?:\$\{|#\{|\{\$?)\s*(?:[\w$]+\s*(?:\.|->)\s*)*$/;
/** A format string starting with the base: `"%s/tags" % base`, `fmt.Sprintf("%s/tags", base)`, Python's `'{0}/users'.format(base)`. */
const FORMAT_BEFORE = /(['"])((?:%s|\{0?\})\/[^'"\n]*)\1\s*(?:,|%|\.format\s*\()\s*\(?\s*$/;
const JOIN_BEFORE = /\b(?:urljoin|URI\.join|url\.JoinPath|path\.join|posixpath\.join)\(\s*$/;
const COMMA = /\s*,\s*/y;
const ROOTS = [...API_ROOTS].join('|');
/**
 * `base + '/path'` (PHP `.`), or a resource after a base ending in `/` (`base + 'conversations/' + id`): only then is
 * the concatenation after a base worth reading.
 */
const CONCAT_PATH = new RegExp(`\\s*[+.]\\s*[fFrRbBuU]{0,2}["'\`](?:\\/|(?:${ROOTS})(?=[/?"'\`]))`, 'y');
/** A path written after a base ending in `/`: `conversations/…`, `admins/${id}`. */
const ROOT_FIRST = new RegExp(`^(?:${ROOTS})(?=[/?]|$)`);
const rooted = (url: string): string => (ROOT_FIRST.test(url) ? `/${url}` : url);

/**
 * Where the sticky `pattern` matches at `at`, and where that match ends (-1 when it does not): each caller
 * sets the position it reads from, so no function relies on a lastIndex another one left.
 */
function stickyAt(pattern: RegExp, text: string, at: number): { match: RegExpExecArray | null; end: number } {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return { match, end: match ? pattern.lastIndex : -1 };
}
const NEW_URL_BEFORE = /\bnew\s+URL\(\s*(['"`])([^'"`\n]*)\1\s*,\s*$/;
const HTTP_METHOD_WORD = new RegExp(`^${HTTP_METHOD}$`, 'i');
const URL_OPTION = /\burl['"]?\s*(?::|=>)\s*/g;
/**
 * What precedes a base URL a class is built on: handed to the parent class (`super(`, `super().__init__(base_url=`,
 * `parent::__construct(`), or declared for the class (HTTParty's `base_uri '…'`).
 */
const CLASS_BASE =
  /(?:(?:\bsuper\s*(?:\(\s*\)\s*\.\s*__init__\s*)?|\bparent::__construct\s*)\(\s*(?:\{\s*)?(?:[\w$'"]+\s*(?::|=>|=)\s*)?|^[ \t]*base_uri(?:\s*\(\s*|[ \t]+))[fFrRbBuU]{0,2}$/;
const CLASS_START = /^[ \t]*(?:export\s+)?(?:default\s+)?(?:abstract\s+|final\s+)?class\s+[A-Za-z_]/gm;
/** The current object and one property of it: `this`, `this.baseUrl`, `self.base_url`, `$this->baseUrl`. */
const SELF_SITE = /(?<![\w$])(?:this|self|\$this)(?:\s*(?:\.|->)\s*#?[A-Za-z_]\w*)?/g;
const SELF_WORD = /^(?:this|self|\$this)/;
/** A bare API path handed to a helper (`'contacts/search'`): at least two segments, no leading slash. */
const BARE_PATH = /(['"`])([a-z_]+(?:\/[a-z_]+)+)\1/g;
const SDK_CALL = new RegExp(
  `(?<![\\w$])(\\$?[A-Za-z_]\\w*)(\\s*\\([^()\\n]{0,200}\\))?\\s*(?:\\.|->)\\s*(?:unstable\\s*(?:\\.|->)\\s*)?(${SDK_RESOURCE_PATTERN})` +
    `(?:\\s*(?:\\.|->)\\s*(${SDK_CHILD_PATTERN}))?\\s*(?:\\.|->)\\s*([A-Za-z_]\\w*)(?![\\w$])`,
  'gi',
);

/**
 * What every SDK_CALL contains after its receiver: found quickly (it starts with `.` or `->`), it tells where
 * the slower search for a receiver, tried at every name, is worth running.
 */
const SDK_RESOURCE_AFTER = new RegExp(`(?:\\.|->)\\s*(?:unstable\\s*(?:\\.|->)\\s*)?(?:${SDK_RESOURCE_PATTERN})`, 'gi');

interface Context {
  readonly file: string;
  /** The code the call passes read: the file's text with its comments blanked (same indexes and lines). */
  readonly text: string;
  /** The file's text as written: cited snippets, webhook topics. */
  readonly source: string;
  readonly lang: Language;
  readonly findings: Finding[];
  readonly unknownCalls: UnknownSdkCall[];
  readonly unseenMethods: UnseenMethod[];
  readonly budget: Budget;
  readonly project: ProjectContext | undefined;
  /** Classes whose parent is given Intercom's base URL: there the current object is an Intercom client. */
  readonly selfRegions: { start: number; end: number }[];
  /** A member holding Intercom's base (`self.base_url = "https://api.intercom.io"`) → the classes it does so in. */
  readonly memberBases: Map<string, { start: number; end: number }[]>;
  /** False for a caller that reads no snippets: they are left empty, unbuilt (masking them costs). */
  readonly snippets: boolean;
  lineStarts?: number[];
  classStarts?: number[];
  flow?: MethodFlow;
}

const flowOf = (ctx: Context): MethodFlow => (ctx.flow ??= new MethodFlow(ctx.text, ctx.lang, ctx.budget));

/** The method for a URL value spanning [start, end): see MethodFlow. */
function methodOf(ctx: Context, start: number, end: number): { method: HttpMethod; seen: boolean } {
  return flowOf(ctx).resolve(start, end);
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function position(ctx: Context, index: number): { line: number; column: number; snippet: string } {
  const starts = (ctx.lineStarts ??= lineStartsOf(ctx.text));
  const lo = countBefore(starts, (s) => s <= index) - 1;
  return { line: lo + 1, column: index - starts[lo] + 1, snippet: ctx.snippets ? snippetAt(ctx.source, starts[lo], index) : '' };
}

/** The line, or on a long (minified) line the part around the finding, on one line of at most ~120 characters. */
function snippetAt(text: string, start: number, index: number): string {
  const ahead = text.slice(index, index + 200);
  const newline = ahead.indexOf('\n');
  const end = index + (newline < 0 ? ahead.length : newline);
  const from = end - start > 160 ? Math.max(start, index - 40) : start;
  // Secrets are masked with some context on both sides, so a token the cut splits is masked whole.
  const context = Math.max(start, from - 200);
  const masked = maskSecrets(text.slice(context, Math.min(end, from + 360)));
  const raw = shortenMasks(masked.slice(from - context, Math.min(end, from + 160) - context).trim().replace(/\s+/g, ' '));
  const cut = raw.length > 120 ? `${raw.slice(0, 119)}…` : raw;
  return from > start ? `…${cut}` : cut;
}

function addRequest(ctx: Context, index: number, kind: 'rest' | 'sdk', operation: Operation, call?: string): void {
  const finding: RequestFinding = {
    file: ctx.file, ...position(ctx, index), kind, operation, methodSeen: true, ...(call && { call }), rules: matchOperation(operation),
  };
  ctx.findings.push(finding);
}

type Target = Omit<Operation, 'method'>;

/**
 * A REST call at `index` with the method the code shows. When it shows none, a finding only where the path decides
 * what the call needs (see guessOperation); where the method would decide, a call to check by hand.
 */
/**
 * `argument`: where the argument after a URL built on a base starts (-1: none); given a map there, the keys
 * telling a lookup from a listing are the query (`new Request('GET', BASE . '/users', ['email' => …])`).
 */
function addRest(ctx: Context, index: number, target: Target, method: { method: HttpMethod; seen: boolean }, argument = -1): void {
  if (method.seen) return addRequest(ctx, index, 'rest', withLiteralQuery(ctx, { method: method.method, ...target }, argument, TELLING_QUERY_KEYS));
  const { operation, rules, candidates } = guessOperation(target);
  if (candidates.length > 0) {
    ctx.unseenMethods.push({ file: ctx.file, ...position(ctx, index), target, methods: candidates.map((c) => c.method) });
  } else ctx.findings.push({ file: ctx.file, ...position(ctx, index), kind: 'rest', operation, methodSeen: false, rules });
}

/**
 * A URL or path found in code → path and query, or undefined when it names no resource. Untrusted
 * sources (a name that merely contains "intercom") must start with a known API resource.
 */
function toTarget(raw: string, trusted: boolean): Target | undefined {
  const relative = /^[a-z]/i.test(raw) && !/^(?:https?:|api\.)/i.test(raw) ? `/${raw}` : raw;
  const { path, query } = normalizePath(relative);
  const root = path.split('/')[1];
  // `/oauth` is the consent page a browser is sent to (Intercom serves it from app.intercom.com), not an API call;
  // a wildcard (`'https://api.intercom.io/*' => Http::response(…)`) is a pattern a test fake matches, and a script
  // (the old Messenger's `/api/js/library.js`) a page loads: no request.
  if (!root || root === '{id}' || root === 'oauth' || path.includes('*') || STATIC_FILE.test(path)) return undefined;
  if (!trusted && !API_ROOTS.has(root)) return undefined;
  return { path, ...(Object.keys(query).length > 0 && { query }) };
}

function scanTopics(ctx: Context, marked: boolean): void {
  for (const m of ctx.source.matchAll(TOPIC_LITERAL)) {
    ctx.budget.spend();
    const rule = findTopicRule(m[2]);
    if (rule && (marked || isDistinctiveTopic(rule.topic))) {
      ctx.findings.push({ file: ctx.file, ...position(ctx, m.index), kind: 'webhook', topic: rule.topic, rule });
    }
  }
}

/** A constant (UPPER_CASE) holding a full Intercom URL, read from `from` on; `method`: the one its literal's finding has. */
interface UrlConstant {
  readonly name: string;
  readonly url: string;
  readonly from: number;
  readonly method?: HttpMethod;
}

const CONSTANT_NAME = /^\$?[A-Z][A-Z0-9_]*$/;

/**
 * Literals naming Intercom's host: a full URL is a finding (and, held by a constant, its later uses are followed);
 * a bare base URL names variables to follow.
 */
function scanHosts(ctx: Context, bases: Set<string>, constants: UrlConstant[]): void {
  const { text, lang } = ctx;
  const seeds: SeedWithMethod[] = [];
  // A host literal inside a concatenation already read belongs to that URL: reading it again is wasted work.
  let readUntil = 0;
  for (const m of text.matchAll(HOST)) {
    ctx.budget.spend();
    const open = m.index - 1;
    if (open < readUntil || !isQuote(text[open])) continue;
    const literal = readLiteral(text, open, lang);
    if (!literal) continue;
    const rest = readConcat(text, literal.end, lang, ctx.budget);
    readUntil = rest.end;
    const target = toTarget(literal.value + rest.value, true);
    if (!target) {
      for (const name of bindingNames(text, open)) {
        bases.add(name);
        if (memberBinding(name).test(linePrefix(text, open))) ctx.memberBases.set(name, [...(ctx.memberBases.get(name) ?? []), classAround(ctx, open)]);
      }
      // Returned by a function (`def _get_base_url(self, region): … return "https://api.intercom.io"`): what its
      // calls are assigned to is a base (`self.base_url = self._get_base_url(region)`).
      const returning = RETURNED.test(linePrefix(text, open)) ? functionAround(text, lang, ctx.budget, open) : undefined;
      if (returning) for (const name of assignedCallsOf(text, returning.name)) bases.add(name);
      if (CLASS_BASE.test(linePrefix(text, open))) addSelfRegion(ctx, classAround(ctx, open));
      // A helper appending its parameter to the host it writes (`HTTParty.get("https://api.intercom.io#{path}")`).
      const param = stickyAt(HOST_THEN_NAME, text, m.index + m[0].length).match;
      if (param) seeds.push({ param: param[1] ?? param[2], at: open, method: () => methodOf(ctx, open, rest.end) });
      continue;
    }
    const method = methodOf(ctx, open, rest.end);
    addRest(ctx, open, target, method);
    const name = directBinding(text, open);
    const url = literal.value + rest.value;
    if (name && CONSTANT_NAME.test(name) && !/[?#]/.test(url)) constants.push({ name, url, from: rest.end, ...(method.seen && { method: method.method }) });
  }
  addHandedPaths(ctx, seeds);
}

/** Right after the host in its literal: a name appended to it, interpolated (`${path}`, `#{path}`, `{path}`) or by `+`/`.`. */
const HOST_THEN_NAME = /\/?(?:(?:\$\{|#\{@?|\{\$?)\s*([A-Za-z_]\w*)\s*\}["'`]|["'`]\s*(?:\+|\.(?=\s*\$))\s*\$?([A-Za-z_]\w*)(?![\w$(.[]))/y;

/** `= …` or `:= …` right after a name (not `==`, `=>`, `=~`): from there on it holds another value. */
const ASSIGNED_AFTER = /\s*:?=(?![=>~])/y;

/**
 * Later uses of a constant holding a full Intercom URL (`CONTACTS_URL = "https://api.intercom.io/contacts"`), up to
 * where it is assigned again: a longer URL built on it (`f"{CONTACTS_URL}/{id}"`) is a request of its own, and so is
 * the URL sent whole by an HTTP call showing another method than its literal's finding (`client.post(CONTACTS_URL`).
 * Upper case only: a lower-case `url` is too often a parameter of the same name (`def send(url)`). One pass for all
 * of them, in the text's order: a file of many constants costs one pass, not one per constant.
 */
function scanUrlConstantUses(ctx: Context, constants: readonly UrlConstant[]): void {
  if (constants.length === 0) return;
  const { text } = ctx;
  const names = new Set(constants.map((c) => c.name));
  /** Each name's constant where the pass is: set where its literal ends, cleared where the name is assigned anything. */
  const holding = new Map<string, UrlConstant | undefined>();
  let next = 0;
  ctx.budget.spend(text.length);
  for (const { at, end } of usesOf(text, names, true)) {
    ctx.budget.spend();
    for (; next < constants.length && constants[next].from <= at; next++) holding.set(constants[next].name, constants[next]);
    const name = text.slice(at, end);
    if (stickyAt(ASSIGNED_AFTER, text, end).end >= 0) {
      holding.set(name, undefined);
      continue;
    }
    const constant = holding.get(name);
    if (!constant) continue;
    const built = urlFromBase(ctx, at, end);
    if (built) {
      const longer = built.url.startsWith('/') ? toTarget(constant.url + built.url, true) : undefined;
      if (longer) addRest(ctx, built.start, longer, methodOf(ctx, receiverStart(text, built.start), built.end), stickyAt(COMMA, text, built.end).end);
      continue;
    }
    const shown = requestMethodAt(text, at, end);
    const target = shown && shown !== constant.method ? toTarget(constant.url, true) : undefined;
    if (shown && target) addRequest(ctx, at, 'rest', { method: shown, ...target });
  }
}

/** A class (once, however many of its parent calls name the host) whose current object is an Intercom client. */
function addSelfRegion(ctx: Context, region: { start: number; end: number }): void {
  if (ctx.selfRegions.at(-1)?.start !== region.start) ctx.selfRegions.push(region);
}

/** From the class declaration before `index` to the next one (or the start and end of the file). */
function classAround(ctx: Context, index: number): { start: number; end: number } {
  const starts = (ctx.classStarts ??= [...ctx.text.matchAll(CLASS_START)].map((m) => m.index));
  const lo = countBefore(starts, (s) => s <= index);
  return { start: starts[lo - 1] ?? 0, end: starts[lo] ?? ctx.text.length };
}

const ABSOLUTE_URL = /^(?:[a-z][a-z\d+.-]*:)?\/\//i;

/** `intercom.post('/contacts', …)`, `$client->request('POST', '/contacts')`, `api.request({ url, method })`. */
function clientCall(ctx: Context, at: number, end: number, trusted: boolean): boolean {
  const { text, lang } = ctx;
  const { match: call, end: callEnd } = stickyAt(CLIENT_CALL, text, end);
  if (!call) return false;
  let i = callEnd;
  let method = call[1].toUpperCase();
  // Given its options first (`request({ method, url })`, Lightyear's `get({ url: '/me' })`), the URL is their url.
  if (text[i] === '{') {
    const body = text.slice(i, i + 400);
    URL_OPTION.lastIndex = 0;
    if (!URL_OPTION.exec(body)) return false;
    i += URL_OPTION.lastIndex;
    if (method === 'REQUEST') method = /\bmethod['"]?\s*(?::|=>)\s*['"](\w+)['"]/i.exec(body)?.[1].toUpperCase() ?? 'GET';
  } else if (method === 'REQUEST') {
    const first = readLiteral(text, i, lang);
    if (!first || !HTTP_METHOD_WORD.test(first.value)) return false;
    method = first.value.toUpperCase();
    i = stickyAt(COMMA, text, first.end).end;
    if (i < 0) return false;
  }
  const literal = readLiteral(text, quoteAt(text, i), lang);
  if (!literal) return false;
  const rest = readConcat(text, literal.end, lang, ctx.budget);
  // A URL with its own host goes there, whatever the client's base URL (Intercom's is found where it is written).
  if (ABSOLUTE_URL.test(literal.value)) return true;
  const target = toTarget(literal.value + rest.value, trusted);
  const argument = stickyAt(COMMA, text, rest.end).end;
  if (target) addRequest(ctx, at, 'rest', withLiteralQuery(ctx, { method: method as HttpMethod, ...target }, argument));
  return true;
}

const CALL_OPEN = /\s*\(/y;
/** Where Ruby's first argument starts when the call has no brackets: a key after a space (`:name =>`, `name:`). */
const RUBY_BARE_ARGUMENT = /[ \t]+(?=:[A-Za-z_]|[A-Za-z_]\w*:(?!:))/y;
/** A value a function returns, the line's last word before it. */
const RETURNED = /\breturn\s+$/;
/** After a method not called there: a call of its member (`.each(` after `users.scroll`), or handed on (`, ` or `)`). */
const CALLED_ELSEWHERE = /\s*(?:\.\s*[A-Za-z_]\w*\s*\(|[,)])/y;

/**
 * A GET on a list path given a literal map of query values at `argument` (`get('users', ['user_id' => …])`,
 * `getUsers(['email' => …])`): their keys become the query, so a lookup of one record is told from a listing.
 * `only`: the keys taken where the map may hold options instead (`fetch(BASE + '/users', { headers })`).
 */
function withLiteralQuery(ctx: Context, operation: Operation, argument: number, only?: ReadonlySet<string>): Operation {
  if (argument < 0 || operation.method !== 'GET' || operation.query || operation.path.endsWith('}')) return operation;
  const keys = literalKeys(ctx.text, argument).filter((key) => !only || only.has(key));
  return keys.length === 0 ? operation : { ...operation, query: lookupQuery(keys) };
}

/** A call's first argument that is a bare name (a parameter handed on): `send(path, init)`. */
const NAME_ARGUMENT = /[A-Za-z_]\w*(?=\s*[,)])/y;

/**
 * `intercomRequest('/admins', { method: 'GET' })`: a path handed to a function the file imports from a module that
 * talks to Intercom (a request helper that appends it to Intercom's base URL there), directly or through the file's
 * own wrappers that hand their parameter on (`withDeadline(path, init)` → `intercomRequest(path, init)`). Only paths
 * that start with `/` and a known API resource count; the method is the one the call shows, else unseen.
 */
function scanImportedHelpers(ctx: Context): void {
  const { text, lang } = ctx;
  const names = [...(ctx.project?.names ?? [])].filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && !CLIENT_SITE_NAME.test(n));
  if (names.length === 0) return;
  const calls = new RegExp(`(?<![\\w$.\\\\])(?<!->|::)(?:${names.map(escapeRegExp).join('|')})\\s*\\(\\s*`, 'g');
  const seeds: PathSeed[] = [];
  for (const m of text.matchAll(calls)) {
    ctx.budget.spend();
    const at = m.index + m[0].length;
    const stringStart = quoteAt(text, at);
    const literal = readLiteral(text, stringStart, lang);
    if (literal) {
      const target = literal.value.startsWith('/') ? toTarget(literal.value, false) : undefined;
      if (target) addRest(ctx, stringStart, target, methodOf(ctx, stringStart, literal.end));
      continue;
    }
    const param = stickyAt(NAME_ARGUMENT, text, at).match;
    if (param) seeds.push({ param: param[0], at: m.index });
  }
  for (const handed of handedPaths(text, seeds, lang, flowOf(ctx).functions, ctx.budget)) {
    const target = handed.path.startsWith('/') ? toTarget(handed.path, false) : undefined;
    if (target) addRest(ctx, handed.at, target, methodOf(ctx, handed.at, handed.end));
  }
}

/** Names that contain "intercom" (found from the mentions outward: much quicker than a regex over every name). */
const INTERCOM_IN_NAME = /intercom/gi;

/** The URL a base variable starts, when the usage at [at, end) builds one. */
function urlFromBase(ctx: Context, at: number, end: number): { url: string; start: number; end: number } | undefined {
  const { text, lang } = ctx;
  // `fmt.Sprintf("%s/tags", c.base)`, `http.NewRequest(http.MethodPost, c.base+…)`: the cues precede the receiver.
  const from = receiverStart(text, at);
  const before = linePrefix(text, from);
  // Each cue is looked for with a plain search first: most sites match none, and this runs at every one.
  const interpolated = stickyAt(INTERPOLATION_AFTER, text, end).end;
  if (interpolated >= 0 && INTERPOLATION_BEFORE.test(before)) {
    const open = Math.max(before.lastIndexOf('"'), before.lastIndexOf("'"), before.lastIndexOf('`'));
    if (open < 0 || !INTERPOLATION_LEADS.test(before.slice(open + 1))) return undefined;
    const body = readBody(text, interpolated, before[open], lang);
    if (!body) return undefined;
    const rest = readConcat(text, body.end, lang, ctx.budget);
    return { url: rooted(body.value + rest.value), start: from - before.length + open, end: rest.end };
  }
  if (lang === 'php' && text[at] === '$' && text[at - 1] === '"') {
    const body = readBody(text, end, '"', lang);
    return body && { url: body.value, start: at - 1, end: body.end };
  }
  const format = before.includes('%s/') || before.includes('}/') ? FORMAT_BEFORE.exec(before) : null;
  // What the format fills in after the base (`%s`, `{1}`, `{}`) is a value the code interpolates.
  if (format) return { url: format[2].replace(/^(?:%s|\{0?\})/, '').replace(/%s|\{\d*\}/g, HOLE), start: from - before.length + format.index, end };
  const newUrl = before.includes('URL(') ? NEW_URL_BEFORE.exec(before) : null;
  if (newUrl) return { url: newUrl[2], start: from - before.length + newUrl.index, end };
  if (/oin(?:Path)?\(/.test(before) && JOIN_BEFORE.test(before)) {
    const comma = stickyAt(COMMA, text, end).end;
    const literal = comma < 0 ? undefined : readLiteral(text, quoteAt(text, comma), lang);
    return literal && { url: literal.value, start: at, end: literal.end };
  }
  if (stickyAt(CONCAT_PATH, text, end).end < 0) return undefined;
  const concat = readConcat(text, end, lang, ctx.budget);
  const url = rooted(concat.value);
  return url.startsWith('/') ? { url, start: at, end: concat.end } : undefined;
}

/**
 * Uses of a base URL or client: names bound to an Intercom base literal in this file (trusted), and any
 * identifier containing "intercom" (its path must then start with a known API resource).
 */
function scanBaseUses(ctx: Context, bases: Set<string>): void {
  addClientsOnBases(ctx, bases);
  resolveBaseUses(ctx, baseUseSites(ctx, bases));
}

/** An option that sets a client's base URL, just before its value: `base_url=`, `baseURL:`, `'base_uri' =>`. */
const BASE_OPTION = /(?<![\w$])['"]?base_?ur[il]['"]?\s*(?::|=>|=(?!=))\s*$/i;

/**
 * A client made on a base a name holds (`httpx.AsyncClient(base_url=API_BASE)`, `axios.create({ baseURL: BASE })`):
 * the variable it is assigned to is a base too.
 */
function addClientsOnBases(ctx: Context, bases: Set<string>): void {
  for (const use of usesOf(ctx.text, bases, true)) {
    ctx.budget.spend();
    if (!BASE_OPTION.test(linePrefix(ctx.text, use.at)) || !ownUse(ctx, use)) continue;
    const client = enclosingBinding(ctx.text, use.at);
    if (client) bases.add(client);
  }
}

/** A use of a name that may hold Intercom's base URL or client; `trusted` when it was seen holding the host. */
interface BaseUse {
  at: number;
  end: number;
  trusted: boolean;
}

/** Each use of one of `names` (PHP's `$` included) as a site. */
const memberBinding = (name: string): RegExp => new RegExp(String.raw`${OWN_MEMBER}${escapeRegExp(name)}\b`);
const MEMBER_BEFORE = new RegExp(`${OWN_MEMBER}$`);

/** Not a member of another class than those whose member holds the base (Zendesk's `self.base_url` beside Intercom's). */
function ownUse(ctx: Context, use: BaseUse): boolean {
  const regions = ctx.memberBases.get(ctx.text.slice(use.at, use.end).replace(/^\$/, ''));
  if (!regions || !MEMBER_BEFORE.test(ctx.text.slice(Math.max(0, use.at - 7), use.at))) return true;
  return regions.some((r) => r.start <= use.at && use.at < r.end);
}

function usesOf(text: string, names: ReadonlySet<string>, trusted: boolean): BaseUse[] {
  if (names.size === 0) return [];
  const named = new RegExp(`(?<![\\w$])\\$?(?:${[...names].map(escapeRegExp).join('|')})(?![\\w$])`, 'g');
  return [...text.matchAll(named)].map((m) => ({ at: m.index, end: m.index + m[0].length, trusted }));
}

/** Where the file uses its bases, the names saying Intercom, its imported clients and its Intercom classes' `this`. */
function baseUseSites(ctx: Context, bases: Set<string>): BaseUse[] {
  const { text } = ctx;
  const sites: BaseUse[] = [];
  sites.push(...usesOf(text, bases, true).filter((use) => ownUse(ctx, use)));
  const aliases = new Set<string>();
  for (const name of namesContaining(text, INTERCOM_IN_NAME)) {
    if (bases.has(name.text.replace(/^\$/, ''))) continue;
    sites.push({ at: name.at, end: name.end, trusted: false });
    const alias = urlAlias(text, name);
    if (alias && !bases.has(alias) && !/intercom/i.test(alias)) aliases.add(alias);
  }
  // `const baseUrl = config.intercom.apiBaseUrl`: `${baseUrl}/articles` is read as the name it copies.
  sites.push(...usesOf(text, aliases, false));
  // In a file that imports an Intercom wrapper, its clients (`this.client`, `this.http`, imported names). Not the
  // names any client goes by in test code, where `client` is mostly the app's own test client (`client.patch('/tickets/1')`).
  if (ctx.project?.importsIntercom) {
    for (const m of isTestFile(ctx.file) ? [] : text.matchAll(CLIENT_SITE)) {
      const name = m[0].replace(/^\$/, '');
      if (!/intercom/i.test(name) && !bases.has(name)) sites.push({ at: m.index, end: m.index + m[0].length, trusted: false });
    }
    for (const name of ctx.project.names) {
      if (CLIENT_SITE_NAME.test(name) || /intercom/i.test(name) || bases.has(name)) continue;
      ctx.budget.spend(text.length);
      sites.push(...usesOf(text, new Set([name]), false));
    }
    ctx.budget.spend(text.length);
    for (const use of wrapperFieldUses(text, ctx.project.names)) sites.push({ ...use, trusted: false });
  }
  // In a class built on Intercom's base URL: `this.get('/me')`, `${this.baseUrl}/admins`, `self.base_url + "/tags"`.
  for (const region of ctx.selfRegions) {
    SELF_SITE.lastIndex = region.start;
    for (let m = SELF_SITE.exec(text); m && m.index < region.end; m = SELF_SITE.exec(text)) {
      ctx.budget.spend();
      const self = SELF_WORD.exec(m[0])![0];
      sites.push({ at: m.index, end: m.index + self.length, trusted: false });
      if (m[0].length > self.length) sites.push({ at: m.index, end: m.index + m[0].length, trusted: false });
    }
  }
  return sites;
}

const MEMBERS_AFTER = new RegExp(MEMBERS, 'y');
/** A member that says it holds a URL: `apiBaseUrl`, `intercom_api_base`, `INTERCOM_HOST`, `endpoint`. */
const URL_MEMBER = /(?:url|uri|base|host|endpoint|root)$/i;
const STATEMENT_END = /[ \t]*(?:;|\r?\n|$)/y;

/** The variable a name saying Intercom is copied to whole, when the copied member holds a URL (`base = config.intercom.apiBaseUrl`). */
function urlAlias(text: string, name: { at: number; end: number; text: string }): string | undefined {
  const chainEnd = stickyAt(MEMBERS_AFTER, text, name.end).end;
  const last = /[\w$]+$/.exec(text.slice(name.at, chainEnd))?.[0] ?? '';
  if (!URL_MEMBER.test(last) || stickyAt(STATEMENT_END, text, chainEnd).end < 0) return undefined;
  return directBinding(text, receiverStart(text, name.at));
}

/** The requests each use makes: a client call, a URL built on the base, or paths handed to a helper that appends one. */
function resolveBaseUses(ctx: Context, sites: readonly BaseUse[]): void {
  const { text } = ctx;
  const seeds: SeedWithMethod[] = [];
  for (const { at, end, trusted } of sites) {
    ctx.budget.spend();
    if (clientCall(ctx, at, end, trusted)) continue;
    const handed = paramToClient(text, at, end);
    if (handed) {
      seeds.push({ ...handed, at });
      continue;
    }
    const built = urlFromBase(ctx, at, end);
    if (built === undefined || built.url === `/${HOLE}` || built.url === HOLE) {
      const { match: param, end: paramEnd } = stickyAt(APPENDED, text, end);
      const url = built ?? { start: at, end: paramEnd };
      if (param) seeds.push({ param: param[1] ?? param[3], at, method: () => methodOf(ctx, receiverStart(text, url.start), url.end) });
    }
    const target = built?.url.startsWith('/') ? toTarget(built.url, trusted) : undefined;
    if (!built || !target) continue;
    addRest(ctx, built.start, target, methodOf(ctx, receiverStart(text, built.start), built.end), stickyAt(COMMA, text, built.end).end);
  }
  addHandedPaths(ctx, seeds);
}

type Method = { method: HttpMethod; seen: boolean };
/** A seed's method is read only once a path is handed to it: most appended names (`a + b`) are no helper's. */
type SeedWithMethod = PathSeed & { method: Method | (() => Method) };

/**
 * `${this.baseUrl}/${path}`: the literal paths the file's helpers hand down to `path` are requests. The method the
 * call handing a path shows (`icFetch('/contacts/1', { method: 'PUT' })`), else the helper's.
 */
function addHandedPaths(ctx: Context, seeds: SeedWithMethod[]): void {
  if (seeds.length === 0) return;
  const { text } = ctx;
  for (const handed of handedPaths(text, seeds, ctx.lang, flowOf(ctx).functions, ctx.budget)) {
    const target = toTarget(handed.path, false);
    const shown = methodAt(text, handed.at, handed.end) ?? handed.method;
    if (!target) continue;
    const seed = seeds[handed.seed];
    if (typeof seed.method === 'function') seed.method = seed.method();
    addRest(ctx, handed.at, target, shown ? { method: shown, seen: true } : seed.method);
  }
}

/**
 * A client's call given a name (`intercom.get(path)`, `api.get(nextPage)` where `nextPage = path` above): the
 * parameter it reads, for the paths the file's helpers hand to it, and the call's method.
 */
function paramToClient(text: string, at: number, end: number): { param: string; method: { method: HttpMethod; seen: boolean } } | undefined {
  const { match: call, end: callEnd } = stickyAt(CLIENT_CALL, text, end);
  if (!call || /^request$/i.test(call[1])) return undefined;
  const name = stickyAt(NAME_ARGUMENT, text, callEnd).match?.[0];
  if (!name) return undefined;
  const copies = [...text.slice(Math.max(0, at - COPY_WINDOW), at).matchAll(new RegExp(`(?<![\\w$.])${name}\\s*=\\s*([A-Za-z_]\\w*)\\s*[;\\n]`, 'g'))];
  return { param: copies.at(-1)?.[1] ?? name, method: { method: call[1].toUpperCase() as HttpMethod, seen: true } };
}

/** How far above a client's call a copy of the parameter it is given is looked for (`let nextPage = path;`). */
const COPY_WINDOW = 1500;

/**
 * A parameter appended whole after a base: `${base}/${path}`, `${config.base}${path}` (the path brings its `/`),
 * f"{base}/{path}", "{$base}/{$path}", `base + '/' + path`, `base + path` (the base ends with `/` or the path starts
 * with it) and PHP's `$this->base . $path`.
 */
const APPENDED = new RegExp(
  `${MEMBERS}\\s*\\}\\/?(?:\\$\\{|#\\{|\\{\\$?)\\s*([A-Za-z_]\\w*)\\s*\\}|\\s*(?:[+.]\\s*(['"])\\/\\2\\s*[+.]|\\+|\\.(?=\\s*\\$))\\s*\\$?([A-Za-z_]\\w*)(?![\\w$(.[])`,
  'y',
);

const SPACE = /\s/;
const CHAIN_END = /[\w$)]/;

/**
 * Where the search for an SDK call may start, not before `floor`, without missing one whose chain passes `at`
 * (a `.resource`): its receiver and call (`client`, `(args)`, `.contacts`) are at most two lines up, joined by
 * whitespace. Reads back no further than `floor`, so that the calls of one long line cost no more than the line.
 */
function chainStart(text: string, at: number, floor: number): number {
  const lineStart = (i: number): number => {
    while (i > floor && text[i - 1] !== '\n') i--;
    return i;
  };
  let start = lineStart(at);
  for (let up = 0; up < 2 && start > floor; up++) {
    let end = start - 1;
    while (end > floor && SPACE.test(text[end])) end--;
    // Only a name or a call's `)` can go on across the line break.
    if (!CHAIN_END.test(text[end])) break;
    start = lineStart(end);
  }
  return start;
}

/** Each SDK_CALL in the text, as matchAll gives them, but searched from a few lines before each `.resource`. */
function* sdkCalls(text: string): Generator<RegExpExecArray> {
  for (let from = 0; ;) {
    SDK_RESOURCE_AFTER.lastIndex = from;
    const resource = SDK_RESOURCE_AFTER.exec(text);
    if (!resource) return;
    // Every call has a `.resource` after its receiver: none starts between `from` and the chain of the first one.
    SDK_CALL.lastIndex = chainStart(text, resource.index, from);
    const m = SDK_CALL.exec(text);
    if (!m) return;
    from = SDK_CALL.lastIndex;
    yield m;
  }
}

/** Methods of the languages' own arrays, maps and strings (JS, Python, Ruby, PHP's none, Go's none). */
const COLLECTION_METHOD =
  /^(?:filter|forEach|map|flatMap|some|every|reduce|includes|indexOf|findIndex|join|split|slice|splice|push|pop|shift|unshift|concat|sort|reverse|keys|values|entries|items|toString|trim|replace|startsWith|endsWith|at|each|each_with_index|select|reject|collect|detect|append|extend|insert|count|sum|min|max)$/;

/** A function as an argument: an arrow (`(t) =>`, `t =>`), `function`, Python's `lambda`, PHP's `fn`. */
const FUNCTION_ARGUMENT = /\s*(?:\([^()\n]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>|function\b|lambda\b|fn\s*\()/y;

function scanSdk(ctx: Context): void {
  let receivers: Receivers | undefined;
  /** The SDK release line the file's constructor shows, read at the first SDK call. */
  let line: { of: SdkLine | undefined } | undefined;
  for (const m of sdkCalls(ctx.text)) {
    ctx.budget.spend();
    const [, receiver, called, resource, child, method] = m;
    const end = m.index + m[0].length;
    // Ruby's `create!` and `empty?` are other methods than `create` and `empty`: no Intercom SDK has such a name.
    if (ctx.lang === 'ruby' && (ctx.text[end] === '!' || ctx.text[end] === '?')) continue;
    const argument = stickyAt(CALL_OPEN, ctx.text, end).end;
    // Ruby's arguments without brackets: `companies.find :name => company`, `find name: company`.
    const keysAt = argument < 0 && ctx.lang === 'ruby' ? stickyAt(RUBY_BARE_ARGUMENT, ctx.text, end).end : argument;
    // Handed a function (`page.tickets.find((t) => …)`, `lambda c: …`): a collection's own method, no SDK call.
    if (argument >= 0 && stickyAt(FUNCTION_ARGUMENT, ctx.text, argument).match) continue;
    line ??= { of: sdkLineOf(ctx.text, ctx.lang) };
    const operation = sdkCallOperation(resource, child, method, ctx.lang, () => (keysAt < 0 ? [] : argumentKeys(ctx.text, keysAt)), line.of);
    // A method counts only when called: there, through a member (2.x's `users.scroll.each(…)`) or by what it is
    // handed to (`bulk(intercom.users.update, …)`); Ruby calls without brackets (`intercom.admins.all`). A name no
    // table knows, not as a collection's own method. `client.contacts.length`, `config.contacts.filter(…)` and a
    // test's `client.admins.find = AsyncMock(…)` are no requests.
    if (argument < 0 && (!operation || (ctx.lang !== 'ruby' && !stickyAt(CALLED_ELSEWHERE, ctx.text, end).match))) continue;
    if (!operation && COLLECTION_METHOD.test(method)) continue;
    receivers ??= new Receivers(ctx.text, ctx.budget, ctx.project?.names);
    const evidence = receivers.evidence(receiver, called !== undefined, m.index);
    if (!evidence) continue;
    const call = [resource, child, method].filter(Boolean).join('.');
    if (operation) addRequest(ctx, m.index, 'sdk', withLiteralQuery(ctx, operation, argument), call);
    // A method no table knows is listed only where more than a name says the client is Intercom's: a mere
    // `client` is as often another SDK's (Slack Bolt's `client.users.info(…)`).
    else if (evidence === 'said') ctx.unknownCalls.push({ file: ctx.file, ...position(ctx, m.index), call });
  }
}

/**
 * Paths written beside their method (endpoint tables, helpers called with both), when Intercom names the operation.
 * `namedOnly`: the file does not talk to Intercom, so only in tables that name it.
 */
function scanPathsWithMethods(ctx: Context, namedOnly: boolean): void {
  for (const { at, path, method } of pathsWithMethods(ctx.text, ctx.lang, ctx.budget, namedOnly)) {
    const target = toTarget(path, false);
    const operation = target && { method, ...target };
    if (operation && matchOperation(operation).length > 0) addRequest(ctx, at, 'rest', operation);
  }
}

/**
 * Bare API paths (`'contacts/search'`) in a file that imports an Intercom SDK or names its host: the
 * paths its helpers join to the base URL. Only paths that name one Intercom operation exactly (the method
 * is guessed), and only where no finding on the line already has that path.
 */
function scanBarePaths(ctx: Context): void {
  const found = new Set(ctx.findings.map((f) => (f.kind === 'webhook' ? '' : `${f.line} ${f.operation.path}`)));
  const isOperation = new Map<string, boolean>();
  for (const m of ctx.text.matchAll(BARE_PATH)) {
    ctx.budget.spend();
    const target = { path: `/${m[2]}` };
    let known = isOperation.get(target.path);
    if (known === undefined) {
      known = API_ROOTS.has(m[2].split('/')[0]) && guessOperation(target).rules.length > 0;
      isOperation.set(target.path, known);
    }
    if (!known) continue;
    const key = `${position(ctx, m.index).line} ${target.path}`;
    if (found.has(key)) continue;
    found.add(key);
    // The helper it is handed to decides the method: never visible here, so it is guessed.
    addRest(ctx, m.index, target, { method: 'GET', seen: false });
  }
}

/** `new Contacts(client)`, Python's `Contacts(client)`: a class handed a value as its first argument. */
const GIVEN = /(?:\bnew\s+|(?<![\w$.\\]))([A-Z][\w$]*)\s*\(\s*(?:this\.|self\.|\$this->|@)?(\$?[A-Za-z_][\w$]*)\s*[,)]/g;

/** Classes a file hands an Intercom client (judged as SDK receivers are), by the name the file uses. */
export function classesGivenClient(text: string, budget: Budget): Set<string> {
  let receivers: Receivers | undefined;
  const classes = new Set<string>();
  for (const m of text.matchAll(GIVEN)) {
    budget.spend();
    receivers ??= new Receivers(text, budget);
    if (receivers.isIntercom(m[2])) classes.add(m[1]);
  }
  return classes;
}

/** Of two findings of one call, the one whose method the code shows is kept. */
const unseenLast = (f: Finding): number => (f.kind !== 'webhook' && !f.methodSeen ? 1 : 0);

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .sort((a, b) => a.line - b.line || a.column - b.column || unseenLast(a) - unseenLast(b))
    .filter((f) => {
      const key = f.kind === 'webhook'
        ? `${f.line}:${f.column}:${f.topic}`
        : `${f.line}:${f.kind}:${f.operation.method}:${f.operation.path}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Calls to check by hand, once per line and path, and none where a finding on the line shows the same path. */
function dedupeUnseen(unseen: UnseenMethod[], findings: readonly Finding[]): UnseenMethod[] {
  const seen = new Set(findings.map((f) => (f.kind === 'webhook' ? '' : `${f.line} ${f.operation.path}`)));
  return unseen.filter((u) => {
    const key = `${u.line} ${u.target.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What the editor's analysis of one document has already, and what it does not need. */
export interface ScanTextOptions {
  /** The text with its comments blanked (blankComments). */
  readonly blanked?: string;
  /** False: every finding's snippet is left empty. */
  readonly snippets?: boolean;
}

/** Every finding in one file's text, sorted by position. `file` is only copied into the findings. */
export function scanText(file: string, text: string, budget = new Budget(), project?: ProjectContext, options: ScanTextOptions = {}): Finding[] {
  return scanSource(file, text, budget, project, MARKER.test(text), options.blanked, options.snippets).findings;
}

export interface SourceScan {
  readonly findings: Finding[];
  readonly unknownCalls: UnknownSdkCall[];
  readonly unseenMethods: UnseenMethod[];
  /** The text imports an Intercom SDK or names Intercom's API host. */
  readonly talksToIntercom: boolean;
}

/**
 * The findings in one file's text, its SDK calls whose method no table knows, its calls whose method the code does
 * not show, and whether it talks to Intercom. `mentioned`: whether the text mentions Intercom, when the caller knows.
 */
export function scanSource(
  file: string, text: string, budget: Budget, project?: ProjectContext, mentioned = MARKER.test(text), blanked?: string, snippets = true,
): SourceScan {
  const lang = languageOf(file) ?? 'js';
  const talksToIntercom = mentioned && INTERCOM_MODULE.test(text);
  const marked = mentioned || project?.importsIntercom === true;
  // Only files that may talk to Intercom pay for blanking their comments.
  const code = marked ? (blanked ?? blankComments(text, lang)) : text;
  const ctx: Context = {
    file, text: code, source: text, lang, findings: [], unknownCalls: [], unseenMethods: [], budget, project, selfRegions: [], memberBases: new Map(), snippets,
  };
  scanTopics(ctx, marked);
  if (marked) {
    const bases = new Set<string>();
    const constants: UrlConstant[] = [];
    scanHosts(ctx, bases, constants);
    scanBaseUses(ctx, bases);
    scanUrlConstantUses(ctx, constants);
    if (project?.importsIntercom) scanImportedHelpers(ctx);
    scanSdk(ctx);
    scanPathsWithMethods(ctx, !talksToIntercom && !project?.importsIntercom);
    if (talksToIntercom) scanBarePaths(ctx);
  }
  const findings = dedupe(ctx.findings);
  return { findings, unknownCalls: ctx.unknownCalls, unseenMethods: dedupeUnseen(ctx.unseenMethods, findings), talksToIntercom };
}
