// The values a call site writes out, to prefill Call API…, Copy Snippet… and Open as .http: ids in the
// path literal (`/conversations/123/reply`), literal query values, and for an SDK call a literal id
// handed to it (`client.conversations.find('123')`, `find(id: '123')`). Interpolated parts are unknown.
import type { Operation } from '../explorer/catalog';
import { HOLE } from '../scopes/operations';
import { readConcat, type Language } from '../scopes/source';
import { literalAt, type LiteralSpan } from './callRange';

export interface LiteralValues {
  /** Path parameter name (as the catalog's path names it) → value. */
  readonly path: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
}

/** `:id`, `{id}`, `<id>`, `%s`: a placeholder in the code, not a value. */
const PLACEHOLDER = /^(?::\w+|\{\w*\}|<\w+>|%\w)$/;
const usable = (value: string): boolean => value !== '' && !value.includes(HOLE) && !PLACEHOLDER.test(value);

const slotName = (segment: string): string | undefined => /^\{(\w+)\}$/.exec(segment)?.[1];

/**
 * Values of a URL or path literal (and what is concatenated to it) for the catalog's operation:
 * segments are aligned from the end, so a host or a base URL before the path does not matter.
 */
export function urlValues(text: string, literal: LiteralSpan, lang: Language, operation: Operation): LiteralValues {
  const url = literal.value + readConcat(text, literal.end, lang).value;
  const cut = url.search(/[?#]/);
  const segments = (cut < 0 ? url : url.slice(0, cut)).split('/').filter((s) => s !== '');
  const pattern = operation.path.split('/').slice(1);
  const path: Record<string, string> = {};
  const offset = segments.length - pattern.length;
  if (offset >= 0) {
    pattern.forEach((p, i) => {
      const name = slotName(p);
      if (name && usable(segments[offset + i])) path[name] = segments[offset + i];
    });
  }
  const query: Record<string, string> = {};
  if (cut >= 0 && url[cut] === '?') {
    for (const pair of url.slice(cut + 1).split('#')[0].split('&')) {
      const [name, value = ''] = pair.split('=');
      if (usable(name) && usable(value)) query[name] = value;
    }
  }
  return { path, query };
}

/** `key: 'v'`, `'key' => 'v'`, `key='v'`, `Key: "v"` inside an SDK call's arguments. */
const KEYED = /['"]?([A-Za-z_]\w*)['"]?\s*(?::|=>|=)\s*(['"])([^'"\n]{1,200})\2/g;
const ARGUMENTS = /\s*\(\s*/y;

/** The text of the arguments of the call whose `(` follows `from` (at most 400 characters). */
function argumentText(text: string, from: number): { start: number; text: string } | undefined {
  ARGUMENTS.lastIndex = from;
  if (!ARGUMENTS.test(text)) return undefined;
  const start = ARGUMENTS.lastIndex;
  let depth = 1;
  for (let i = start; i < text.length && i < start + 400; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return { start, text: text.slice(start, i) };
  }
  return undefined;
}

/** Values an SDK call is handed: a first literal argument is the id when the operation has one slot. */
export function sdkValues(text: string, callEnd: number, lang: Language, operation: Operation): LiteralValues {
  const args = argumentText(text, callEnd);
  const path: Record<string, string> = {};
  const query: Record<string, string> = {};
  if (!args) return { path, query };
  const slots = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const queries = new Set(operation.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  const first = literalAt(text, args.start, lang);
  if (first && slots.length === 1 && usable(first.value)) path[slots[0]] = first.value;
  for (const [, key, , value] of args.text.matchAll(KEYED)) {
    if (!usable(value)) continue;
    if (slots.includes(key)) path[key] = value;
    else if (key === 'id' && slots.length === 1) path[slots[0]] = value;
    else if (queries.has(key)) query[key] = value;
  }
  return { path, query };
}
