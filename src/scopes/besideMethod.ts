// Paths written beside their method, in one list: a connector's table of endpoints (`{ url: '/contacts/${id}',
// operation: 'put' }`, `{"path": "/tags", "method": "GET"}`), or a request helper called with both
// (`request("POST", "/conversations")`, `c.do(ctx, http.MethodPost, "/contacts", body)`, `api.call(this, '/tags',
// 'POST')`, `makeRequest({ method: 'POST', path: '/contacts' })`). The method is the one item of the same object,
// dict, array or argument list that a method key names, or that is a method by itself. A route definition (it has a
// handler) is an endpoint the app serves; a list that names another host's base URL, or sits in an object that
// does, is that host's.

import { afterString, enclosingGroup, isStringStart, splitList, type Group, type Item } from './brackets';
import type { Budget } from './budget';
import { API_ROOTS, type HttpMethod } from './operations';
import { readConcat, readLiteral, type Language } from './source';

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

/**
 * The method written beside the value at `index` in the list `items`: undefined when the value is no path (a
 * label, a name), the list is a route definition, or its items name no method or more than one.
 */
function methodAmong(items: readonly Parts[], own: number): HttpMethod | undefined {
  const { key } = items[own];
  if (key !== undefined && !PATH_KEY.test(key)) return undefined;
  const methods = new Set<HttpMethod>();
  for (const [i, item] of items.entries()) {
    if (item.key !== undefined && ROUTE_KEY.test(item.key)) return undefined;
    if (i === own || (item.key !== undefined && !METHOD_KEY.test(item.key))) continue;
    const method = methodOfValue(item.value);
    if (method) methods.add(method);
  }
  return methods.size === 1 ? [...methods][0] : undefined;
}

/** The method written beside a value in the list right around it (used for every URL the scan finds). */
export function methodBeside(text: string, index: number, group: Group | null = enclosingGroup(text, index) ?? null): HttpMethod | undefined {
  if (!group) return undefined;
  const items = splitList(text, group.open + 1, group.close);
  const parts = items.map(partsOf);
  const own = parts.findIndex((p) => p.valueAt <= index && index < p.valueAt + p.value.length);
  return own < 0 ? undefined : methodAmong(parts, own);
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
/** What the pass stops at: quotes and brackets. */
const TOKEN = /['"`()[\]{}]/g;

/**
 * Every literal that starts an item like an Intercom API path (a `/`, or two segments) and has its method beside
 * it, in one pass over the text that matches the brackets: each list is split once however many paths it holds.
 */
export function pathsWithMethods(text: string, lang: Language, budget: Budget): PathWithMethod[] {
  budget.spend(text.length);
  if (!ANY_PATH.test(text)) return [];
  const candidates: { at: number; groups: number[] }[] = [];
  const closes = new Map<number, number>();
  const stack: number[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    budget.spend();
    const i = m.index;
    const ch = text[i];
    if (isStringStart(ch)) {
      PATH_START.lastIndex = i + 1;
      if (stack.length > 0 && PATH_START.test(text)) candidates.push({ at: i, groups: stack.slice(-1 - MAX_PARENTS) });
      TOKEN.lastIndex = afterString(text, i);
    } else if (ch === '(' || ch === '[' || ch === '{') stack.push(i);
    else if (stack.length > 0) closes.set(stack.pop()!, i);
  }
  const lists = new Map<number, Parts[] | null>();
  const list = (open: number): Parts[] | null => {
    let parts = lists.get(open);
    if (parts === undefined) {
      const close = closes.get(open);
      budget.spend(close === undefined ? 1 : close - open);
      parts = close === undefined ? null : splitList(text, open + 1, close).map(partsOf);
      lists.set(open, parts);
    }
    return parts;
  };
  /** The host a list's own base URL names: Intercom's, another, or none; once per list. */
  const bases = new Map<number, 'intercom' | 'other' | undefined>();
  const baseOf = (open: number): 'intercom' | 'other' | undefined => {
    if (bases.has(open)) return bases.get(open);
    const base = list(open)?.find((part) => part.key !== undefined && BASE_KEY.test(part.key) && OTHER_BASE.test(part.value));
    const host = base && (INTERCOM_BASE.test(base.value) ? 'intercom' : 'other');
    bases.set(open, host);
    return host;
  };
  /** Whether a list, or an object it sits in, names a base URL that is not Intercom's (the nearest one counts). */
  const elsewhere = (groups: readonly number[]): boolean => {
    for (let g = groups.length - 1; g >= 0; g--) {
      const host = baseOf(groups[g]);
      if (host) return host === 'other';
    }
    return false;
  };
  const found: PathWithMethod[] = [];
  for (const { at, groups } of candidates) {
    budget.spend();
    const parts = list(groups[groups.length - 1]);
    const own = parts ? parts.findIndex((p) => p.valueAt <= at && at < p.valueAt + p.value.length) : -1;
    if (!parts || own < 0 || !VALUE_LEAD.test(text.slice(parts[own].valueAt, at))) continue;
    const method = methodAmong(parts, own);
    const literal = method && readLiteral(text, at, lang);
    const path = literal && literal.value + readConcat(text, literal.end, lang, budget).value;
    if (!method || !path?.includes('/') || elsewhere(groups)) continue;
    found.push({ at, path, method });
  }
  return found;
}
