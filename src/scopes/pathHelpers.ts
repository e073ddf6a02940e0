// Paths handed to the app's own request helpers. A function whose parameter is appended to an Intercom
// base URL (`${this.baseUrl}/${path}`) is a helper, and so is a function that passes its own parameter
// on to one (a paginator handing `path` to its fetcher); the string literals given at that position
// (`this.getPaginator('admins', …)`) are the paths requested. Linear: brackets are matched in one pass,
// and only declarations and calls of helpers are read.

import type { Budget } from './budget';
import { readLiteral, type Language } from './source';

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
  readonly path: string;
}

/** A named function or method opening its parameter list: `def x(`, `function x(`, `func (r *R) x(`, `#x<T>(`, `x(`. */
const DECLARATION = /(?:\b(?:def|function|func)\s+(?:\([^()\n]*\)\s*)?|(?<![\w$.>]))(#?[A-Za-z_$][\w$]*)\s*(?:<[^<>()\n]*>)?\s*\(/g;
/** What follows a declaration's parameters: Python's `:`, or a body `{` after an optional return type. */
const PYTHON_BODY = /\s*(?:->[^:\n]*)?:/y;
const BRACE_BODY = /\s*(?::(?:[^{};=\n]|=>)*|\([^(){}\n]*\)|[\w.*[\]]+)?\s*\{/y;
const NOT_NAMES = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'elif', 'and', 'or', 'not', 'with', 'super', 'function']);
const PARAM_NAME = /^(?:(?:public|private|protected|readonly)\s+)*[&.]*\$?([A-Za-z_]\w*)/;
/** Longer parameter or argument lists are not followed: real ones are short. */
const MAX_LIST = 600;
/** Helpers followed per file: a fetcher, the paginators over it, and a few more. */
const MAX_HELPERS = 8;

interface Declaration {
  readonly name: string;
  readonly at: number;
  readonly params: readonly string[];
}

/** For each `(`, the index of its `)`: one stack pass over the (comment-free) text. */
function matchParens(text: string, budget: Budget): Map<number, number> {
  const close = new Map<number, number>();
  const open: number[] = [];
  for (const m of text.matchAll(/[()]/g)) {
    budget.spend();
    if (m[0] === '(') open.push(m.index);
    else if (open.length > 0) close.set(open.pop()!, m.index);
  }
  return close;
}

/** Top-level comma-separated pieces of text[from, to), with their start indexes. */
function splitList(text: string, from: number, to: number): { text: string; at: number }[] {
  const pieces: { text: string; at: number }[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '{' || ch === '<') depth++;
    else if (ch === ')' || ch === ']' || ch === '}' || (ch === '>' && text[i - 1] !== '=')) depth--;
    else if (ch === ',' && depth === 0) {
      pieces.push({ text: text.slice(start, i), at: start });
      start = i + 1;
    }
  }
  if (text.slice(start, to).trim() !== '') pieces.push({ text: text.slice(start, to), at: start });
  return pieces;
}

/** Every literal path handed through the file's helpers to a seed's base URL. */
export function handedPaths(text: string, seeds: readonly PathSeed[], lang: Language, budget: Budget): HandedPath[] {
  if (seeds.length === 0) return [];
  const close = matchParens(text, budget);
  const body = lang === 'python' ? PYTHON_BODY : BRACE_BODY;
  const declarations: Declaration[] = [];
  for (const m of text.matchAll(DECLARATION)) {
    budget.spend();
    const open = m.index + m[0].length - 1;
    const end = close.get(open);
    if (NOT_NAMES.has(m[1]) || end === undefined || end - open > MAX_LIST) continue;
    body.lastIndex = end + 1;
    if (!body.test(text)) continue;
    const params = splitList(text, open + 1, end).map((p) => PARAM_NAME.exec(p.text.trim())?.[1] ?? '');
    if (lang === 'python' && (params[0] === 'self' || params[0] === 'cls')) params.shift();
    declarations.push({ name: m[1], at: m.index + m[0].lastIndexOf(m[1]), params });
  }

  const declared = new Set(declarations.map((d) => d.at));

  /** The declaration around `at` (among the nearest before it) that has `param`, and its index there. */
  const declaring = (at: number, param: string): { name: string; index: number } | undefined => {
    // Binary search for the last declaration before `at`.
    let lo = 0;
    let hi = declarations.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (declarations[mid].at < at) lo = mid + 1;
      else hi = mid;
    }
    hi = lo - 1;
    for (let tries = 0; hi >= 0 && tries < 4; hi--, tries++) {
      const index = declarations[hi].params.indexOf(param);
      if (index >= 0) return { name: declarations[hi].name, index };
    }
    return undefined;
  };

  const found: HandedPath[] = [];
  const work: { name: string; index: number; seed: number }[] = [];
  const seen = new Set<string>();
  const follow = (helper: { name: string; index: number } | undefined, seed: number): void => {
    const key = helper && `${helper.name}#${helper.index}`;
    if (!helper || !key || seen.has(key) || seen.size >= MAX_HELPERS) return;
    seen.add(key);
    work.push({ ...helper, seed });
  };
  seeds.forEach((s, i) => follow(declaring(s.at, s.param), i));
  for (let next = work.shift(); next; next = work.shift()) {
    const name = next.name.replace(/[$]/g, '\\$');
    const calls = new RegExp(`(?<![\\w$#])(?:this\\.|self\\.|\\$this->|@)?${name}\\s*(?:<[^<>()\\n]*>)?\\s*\\(`, 'g');
    for (const m of text.matchAll(calls)) {
      budget.spend();
      const open = m.index + m[0].length - 1;
      const end = close.get(open);
      if (end === undefined || end - open > MAX_LIST || declared.has(m.index)) continue;
      const arg = splitList(text, open + 1, end)[next.index];
      const value = arg?.text.trim();
      if (!arg || !value) continue;
      const quote = arg.at + arg.text.indexOf(value[0]);
      const literal = readLiteral(text, quote, lang);
      if (literal && literal.end === quote + value.length) found.push({ seed: next.seed, at: quote, path: literal.value });
      else if (/^[A-Za-z_]\w*$/.test(value)) follow(declaring(m.index, value), next.seed);
    }
  }
  return found;
}
