// Paths handed to the app's own request helpers. A function whose parameter is appended to an Intercom
// base URL (`${this.baseUrl}/${path}`) is a helper, and so is a function that passes its own parameter
// on to one (a paginator handing `path` to its fetcher); the string literals given at that position
// (`this.getPaginator('admins', …)`) are the paths requested. Linear: brackets are matched in one pass,
// and only declarations and calls of helpers are read.

import { splitList } from './brackets';
import type { Budget } from './budget';
import { MAX_LIST, type FileFunctions } from './functions';
import type { HttpMethod } from './operations';
import { countBefore } from './sorted';
import { HTTP_METHOD, OWN_MEMBER, quoteAt, readConcat, readLiteral, TYPE_ARGUMENTS, type Language } from './source';

/** A parameter appended to a base URL, at `at`, inside the function that declares it. */
export interface PathSeed {
  readonly param: string;
  readonly at: number;
}

/** A literal path given to a helper that ends up appending it to the seed's base URL. */
export interface HandedPath {
  readonly seed: number;
  /** Index of the literal's opening quote. */
  readonly at: number;
  /** Just after the literal. */
  readonly end: number;
  readonly path: string;
  /** The HTTP method the call writes as another argument (`callApi('/articles', 'POST', body)`), if any. */
  readonly method?: HttpMethod;
}

/** An argument that is an HTTP method's name. */
const METHOD_ARGUMENT = new RegExp(`^(['"\`])${HTTP_METHOD}\\1$`, 'i');

/** A function handing its parameter `index` on to a base URL: its name and where it is declared. */
interface Helper {
  readonly name: string;
  readonly at: number;
  readonly index: number;
}

/** Helpers followed per file: a fetcher, the paginators over it, and a few more. */
const MAX_HELPERS = 8;

/** A call on the current object: `this.get(`, `self.get(`, `$this->get(`, `@get(`. */
const OWN_OBJECT = new RegExp(`^${OWN_MEMBER}`);

/** Every literal path handed through the file's helpers (`functions`, the file's) to a seed's base URL. */
export function handedPaths(text: string, seeds: readonly PathSeed[], lang: Language, functions: FileFunctions, budget: Budget): HandedPath[] {
  if (seeds.length === 0) return [];
  const { declarations, close } = functions;
  const declared = new Set(declarations.map((d) => d.at));

  /** The declaration around `at` (among the nearest before it) that has `param`, and its index there. */
  const declaring = (at: number, param: string): Helper | undefined => {
    let hi = countBefore(declarations, (d) => d.at < at) - 1;
    for (let tries = 0; hi >= 0 && tries < 4; hi--, tries++) {
      const index = declarations[hi].params.indexOf(param);
      if (index >= 0) return { name: declarations[hi].name, at: declarations[hi].at, index };
    }
    return undefined;
  };
  /**
   * Whether a call at `at` of the helper's name is the helper's: where the file declares the name more than once
   * (a `fetch` method in each of two classes), a call is taken for the nearest declaration's. `others`: where the
   * other declarations of the name are.
   */
  const callsHelper = (helper: Helper, others: readonly number[], at: number): boolean =>
    others.every((other) => Math.abs(other - at) >= Math.abs(helper.at - at));

  const found: HandedPath[] = [];
  /** `method`: what the call handing the helper's parameter on writes (`_request("POST", endpoint)` inside `_post`). */
  const work: (Helper & { seed: number; method?: HttpMethod })[] = [];
  const seen = new Set<string>();
  const follow = (helper: Helper | undefined, seed: number, method?: HttpMethod): void => {
    const key = helper && `${helper.name}#${helper.index}`;
    if (!helper || !key || seen.has(key) || seen.size >= MAX_HELPERS) return;
    seen.add(key);
    work.push({ ...helper, seed, ...(method && { method }) });
  };
  seeds.forEach((s, i) => follow(declaring(s.at, s.param), i));
  for (let next = work.shift(); next; next = work.shift()) {
    const name = next.name.replace(/[$]/g, '\\$');
    const calls = new RegExp(`(?<![\\w$#])(?:this\\.|self\\.|\\$this->|@)?${name}(?:${TYPE_ARGUMENTS})?\\s*\\(`, 'g');
    const others = declarations.filter((d) => d.name === next.name && d.at !== next.at).map((d) => d.at);
    for (const m of text.matchAll(calls)) {
      budget.spend();
      const open = m.index + m[0].length - 1;
      const end = close.get(open);
      if (end === undefined || end - open > MAX_LIST || declared.has(m.index) || !callsHelper(next, others, m.index)) continue;
      const args = splitList(text, open + 1, end);
      const arg = args[next.index];
      const value = arg?.text.trim();
      if (!arg || !value) continue;
      const start = arg.at + arg.text.indexOf(value[0]);
      const quote = quoteAt(text, start);
      const literal = readLiteral(text, quote, lang);
      // A path with an id appended (`'segments/' . $id`) is handed as much as a literal one.
      const rest = literal && readConcat(text, literal.end, lang, budget);
      // On another object (`client.get(…)`), only a path: `document.get('content')` is a lookup of a dict's key.
      const onOther = /[.>]/.test(text[m.index - 1] ?? '') && !OWN_OBJECT.test(m[0]);
      const written = args.map((a) => METHOD_ARGUMENT.exec(a.text.trim())?.[2]).find((m) => m !== undefined);
      const method = (written?.toUpperCase() as HttpMethod | undefined) ?? next.method;
      if (literal && rest && rest.end === start + value.length && !(onOther && !literal.value.startsWith('/'))) {
        found.push({ seed: next.seed, at: quote, end: rest.end, path: literal.value + rest.value, ...(method && { method }) });
      }
      else if (/^[A-Za-z_]\w*$/.test(value)) {
        // A local the calling function assigns a path just before (`endpoint = "conversations"`), else a parameter handed on.
        const local = localPath(text, lang, value, declarations[countBefore(declarations, (d) => d.at < m.index) - 1]?.body ?? 0, m.index, budget);
        if (local) found.push({ seed: next.seed, ...local, ...(method && { method }) });
        else follow(declaring(m.index, value), next.seed, method);
      }
    }
  }
  return found;
}

/** The literal path last assigned to the variable `name` between `from` and `to` (`endpoint = "/conversations"`). */
function localPath(text: string, lang: Language, name: string, from: number, to: number, budget: Budget): { at: number; end: number; path: string } | undefined {
  const assigned = new RegExp(`(?<![\\w$.])[$@]?${name}\\s*(?::\\s*[\\w.[\\]|]+\\s*)?(?::=|=(?![=>]))\\s*`, 'g');
  let last: { at: number; end: number; path: string } | undefined;
  for (const m of text.slice(from, to).matchAll(assigned)) {
    budget.spend();
    const quote = quoteAt(text, from + m.index + m[0].length);
    const literal = readLiteral(text, quote, lang);
    const rest = literal && readConcat(text, literal.end, lang, budget);
    last = literal && rest ? { at: quote, end: rest.end, path: literal.value + rest.value } : undefined;
  }
  return last;
}
