// Paths written beside their method, in one list: a connector's table of endpoints (`{ url: '/contacts/${id}',
// operation: 'put' }`, `{"path": "/tags", "method": "GET"}`), or a request helper called with both
// (`request("POST", "/conversations")`, `c.do(ctx, http.MethodPost, "/contacts", body)`, `api.call(this, '/tags',
// 'POST')`, `makeRequest({ method: 'POST', path: '/contacts' })`). The method is the one item of the same object,
// dict, array or argument list that a method key names, or that is a method by itself. A route definition (it has a
// handler) is an endpoint the app serves; a list that names another host's base URL, or sits in an object that
// does, is that host's. Read in files that talk to Intercom, and in lists that name it (a settings module's
// `INTERCOM_ENDPOINTS = {…}`) in files that mention it.

import { afterString, enclosingGroup, isStringStart, splitList, type Group, type Item } from './brackets';
import type { Budget } from './budget';
import { nextOf } from './nextOf';
import { API_ROOTS, type HttpMethod } from './operations';
import { countBefore } from './sorted';
import { linePrefix, readConcat, readLiteral, type Language } from './source';

/** `key: value`, `"key": value`, `key => value`, `key=value` (not `==`, `=>` after `=`, `::`). */
const KEYED = /^\s*['"]?([A-Za-z_$][\w$]*)['"]?\s*(?::(?!:)|=>|=(?![=>]))\s*/;
const PATH_KEY = /^(?:url|path|endpoint|uri)$/i;
const METHOD_KEY = /^(?:method|http_?method|verb|operation|request_?method)$/i;
const BASE_KEY = /^(?:prefix|base|base_?url|base_?uri|url_?base|api_?base|host)$/i;
const ROUTE_KEY = /^handlers?$/i;
/** A method as a value: `'POST'`, `"get"`, Go's `http.MethodPost`, an enum's `HttpMethod.POST`, Ruby's `:post`. */
const METHOD_VALUE =
  /^(?:[bBuU]?(['"`])(get|post|put|patch|delete)\1|http\.Method(get|post|put|patch|delete)|[\w$.]*Method\.(get|post|put|patch|delete)|:(get|post|put|patch|delete))\s*$/i;
const INTERCOM_BASE = /^[fFrRbBuU]{0,2}['"`](?:https?:)?\/\/api(?:\.(?:eu|au))?\.intercom\.io(?![\w.-])/i;
const OTHER_BASE = /^[fFrRbBuU]{0,2}['"`](?:https?:)?\/\//i;
/** A literal that may hold an API path: its quote, an optional `/`, a known first segment. */
const PATH_START = new RegExp(`\\/?(?:${[...API_ROOTS].join('|')})(?:[/?'"\`]|\\$\\{|\\{)`, 'y');
/** Objects above a list that are read for another host's base URL. */
const MAX_PARENTS = 3;
/** The brackets around a path looked at for a name saying Intercom: a class's, through its methods' blocks. */
const MAX_NAMING_GROUPS = 12;

interface Parts {
  readonly key: string | undefined;
  readonly value: string;
  /** Index where the value starts. */
  readonly valueAt: number;
}

function partsOf(item: Item): Parts {
  const keyed = KEYED.exec(item.text);
  const lead = keyed ? keyed[0].length : item.text.length - item.text.trimStart().length;
  return { key: keyed?.[1], value: item.text.slice(lead).trim(), valueAt: item.at + lead };
}

function methodOfValue(value: string): HttpMethod | undefined {
  const m = METHOD_VALUE.exec(value);
  const word = m && (m[2] ?? m[3] ?? m[4] ?? m[5]);
  return word ? (word.toUpperCase() as HttpMethod) : undefined;
}

/** A list read once: its items, the methods written in it, whether it defines a route, the host its base URL names. */
interface List {
  readonly parts: readonly Parts[];
  /** As values of method keys, or by themselves. */
  readonly methods: ReadonlySet<HttpMethod>;
  readonly route: boolean;
  readonly base: 'intercom' | 'other' | undefined;
}

function readList(items: readonly Item[]): List {
  // Pushed, not `items.map(partsOf)`: map's result is a packed or a holey array depending on whether V8 has
  // optimised this function, and the lookups in it (partAt) were thrown out and rebuilt every time that changed.
  const parts: Parts[] = [];
  for (const item of items) parts.push(partsOf(item));
  const methods = new Set<HttpMethod>();
  let route = false;
  let base: List['base'];
  for (const { key, value } of parts) {
    if (key !== undefined && ROUTE_KEY.test(key)) route = true;
    if (key !== undefined && BASE_KEY.test(key) && OTHER_BASE.test(value)) base ??= INTERCOM_BASE.test(value) ? 'intercom' : 'other';
    const method = key === undefined || METHOD_KEY.test(key) ? methodOfValue(value) : undefined;
    if (method) methods.add(method);
  }
  return { parts, methods, route, base };
}

/** The index of the part whose value holds `index`, or -1 (parts are in the order of the text). */
function partAt(parts: readonly Parts[], index: number): number {
  const at = countBefore(parts, (p) => p.valueAt + p.value.length <= index);
  return at < parts.length && parts[at].valueAt <= index ? at : -1;
}

/**
 * The method written beside the value in part `own`: undefined when that value is no path (a label, a name), the
 * list is a route definition, or its items name no method or more than one.
 */
function methodAmong(list: List, own: number): HttpMethod | undefined {
  const { key } = list.parts[own];
  if ((key !== undefined && !PATH_KEY.test(key)) || list.route || list.methods.size !== 1) return undefined;
  return list.methods.values().next().value;
}

/** The method written beside a value in the list right around it (used for every URL the scan finds). */
export function methodBeside(text: string, index: number, group: Group | null = enclosingGroup(text, index) ?? null): HttpMethod | undefined {
  if (!group) return undefined;
  const list = readList(splitList(text, group.open + 1, group.close));
  const own = partAt(list.parts, index);
  return own < 0 ? undefined : methodAmong(list, own);
}

/** A literal path with the method beside it. */
export interface PathWithMethod {
  /** Index of the literal's opening quote. */
  readonly at: number;
  /** The literal's text and what is concatenated to it, with HOLE where it interpolates or appends a value. */
  readonly path: string;
  readonly method: HttpMethod;
}

/** What may precede a path literal in its item's value: a string prefix, `await`. */
const VALUE_LEAD = /^\s*(?:await\s+)?[fFrRbBuU]{0,2}$/;
const ANY_PATH = new RegExp(`['"\`]${PATH_START.source}`);
const NAMED = /intercom/i;
/** A word of a name that reports an error or logs: such a call is handed a method and a path to word a message. */
const REPORTING_WORD = /^(?:err|errors?f?|exceptions?|fail(?:s|ed|ure)?|log(?:s|f|ger|ging)?|warn(?:s|f|ing)?|raise[sd]?|throw[sn]?)$/i;
/** The words of a name: `handleNonStatusCodeError` → handle, Non, Status, Code, Error; `raise_api_error` → raise, api, error. */
const NAME_WORD = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g;

/** Whether the bracket at `open` is the argument list of a call that reports an error or logs. */
function reportsError(text: string, open: number): boolean {
  if (text[open] !== '(') return false;
  // The callee's last name, just before its `(`: `handleNonStatusCodeError`, `logger.warn`'s `warn`.
  let end = open;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  let start = end;
  while (start > 0 && /[\w$]/.test(text[start - 1])) start--;
  const words = text.slice(start, end).match(NAME_WORD) ?? [];
  return words.some((word) => REPORTING_WORD.test(word));
}

/**
 * Whether the innermost list (the last of `groups`) is handed to a call that reports an error or logs, so its method
 * and path word a message, not a request: `handleNonStatusCodeError(e, raw, "GET", "/articles")`, or an object
 * handed to one, `logger.warn({ method, path })`.
 */
function reporting(text: string, groups: readonly number[]): boolean {
  const own = groups[groups.length - 1];
  const parent = groups[groups.length - 2];
  return reportsError(text, own) || (text[own] !== '(' && parent !== undefined && reportsError(text, parent));
}

/** What the pass stops at: quotes and brackets. */
const TOKEN = /['"`()[\]{}]/g;

/**
 * Every literal that starts an item like an Intercom API path (a `/`, or two segments) and has its method beside
 * it, in one pass over the text that matches the brackets: each list is split once however many paths it holds.
 * `namedOnly`: in a file that does not otherwise talk to Intercom, only in lists that name it (or sit in one that does).
 */
export function pathsWithMethods(text: string, lang: Language, budget: Budget, namedOnly = false): PathWithMethod[] {
  budget.spend(text.length);
  if (!ANY_PATH.test(text)) return [];
  const candidates: { at: number; groups: number[]; outer: number[] }[] = [];
  // Where the groups around a candidate close: only those are read, and most brackets hold none.
  const around = new Set<number>();
  const closes = new Map<number, number>();
  const stack: number[] = [];
  for (let i = nextOf(TOKEN, text, 0); i >= 0; ) {
    budget.spend();
    const ch = text[i];
    let next = i + 1;
    if (isStringStart(ch)) {
      PATH_START.lastIndex = i + 1;
      if (stack.length > 0 && PATH_START.test(text)) {
        const groups = stack.slice(-1 - MAX_PARENTS);
        candidates.push({ at: i, groups, outer: stack.slice(-MAX_NAMING_GROUPS) });
        for (const open of groups) around.add(open);
      }
      next = afterString(text, i);
    } else if (ch === '(' || ch === '[' || ch === '{') stack.push(i);
    else if (stack.length > 0) {
      const open = stack.pop()!;
      if (around.has(open)) closes.set(open, i);
    }
    i = nextOf(TOKEN, text, next);
  }
  const lists = new Map<number, List | null>();
  const list = (open: number): List | null => {
    let read = lists.get(open);
    if (read === undefined) {
      const close = closes.get(open);
      budget.spend(close === undefined ? 1 : close - open);
      read = close === undefined ? null : readList(splitList(text, open + 1, close));
      lists.set(open, read);
    }
    return read;
  };
  /** Whether what a bracket is assigned or handed to, on its line, names Intercom (`INTERCOM_ENDPOINTS = {`, `class IntercomService {`). */
  const namedAt = new Map<number, boolean>();
  const named = (open: number): boolean => {
    let is = namedAt.get(open);
    if (is === undefined) namedAt.set(open, (is = NAMED.test(linePrefix(text, open, 120))));
    return is;
  };
  /** Whether a list, or an object it sits in, names a base URL that is not Intercom's (the nearest one counts). */
  const elsewhere = (groups: readonly number[]): boolean => {
    for (let g = groups.length - 1; g >= 0; g--) {
      const base = list(groups[g])?.base;
      if (base) return base === 'other';
    }
    return false;
  };
  const found: PathWithMethod[] = [];
  for (const { at, groups, outer } of candidates) {
    budget.spend();
    const own = list(groups[groups.length - 1]);
    const index = own ? partAt(own.parts, at) : -1;
    if (!own || index < 0 || !VALUE_LEAD.test(text.slice(own.parts[index].valueAt, at)) || reporting(text, groups)) continue;
    const method = methodAmong(own, index);
    const literal = method && readLiteral(text, at, lang);
    const path = literal && literal.value + readConcat(text, literal.end, lang, budget).value;
    // One segment (`'contacts'`) only under a key that says it is the path: `{ method: "POST", endpoint: "contacts" }`.
    const key = own.parts[index].key;
    if (!method || !path || (!path.includes('/') && !(key !== undefined && PATH_KEY.test(key))) || elsewhere(groups)) continue;
    if (namedOnly && !outer.some(named)) continue;
    found.push({ at, path, method });
  }
  return found;
}
