// The named functions and methods a file declares, read from its (comment-free) text: their names, parameters
// and bodies. Linear: parentheses are matched in one pass, and a declaration is told from a call by what follows
// its parameters (Python's `:`, or a `{` after an optional return type), or in Ruby by its `def`.

import type { Budget } from './budget';
import { splitList } from './brackets';
import { TYPE_ARGUMENTS, type Language } from './source';

/** A named function or method opening its parameter list: `def x(`, `function x(`, `func (r *R) x(`, `#x<T>(`, `x<T = Record<K, V>>(`, `x(`. */
const DECLARATION = new RegExp(`(?:\\b(?:def|function|func)\\s+(?:\\([^()\\n]*\\)\\s*)?|(?<![\\w$.>]))(#?[A-Za-z_$][\\w$]*)(?:${TYPE_ARGUMENTS})?\\s*\\(`, 'g');
/** Ruby's `def x(` (`def self.x(`): a method, not a call, by its keyword alone. */
const RUBY_DECLARATION = /\bdef\s+(?:self\.)?([A-Za-z_]\w*[?!]?)\s*\(/g;
/** What follows a declaration's parameters: Python's `:`, Ruby's line end, or a body `{` after an optional return type. */
const PYTHON_BODY = /\s*(?:->[^:\n]*)?:/y;
const RUBY_BODY = /[ \t]*(?:#[^\n]*)?(?:\n|;|$)/y;
const BRACE_BODY = /\s*(?::(?:[^{};=\n]|=>)*|\([^(){}\n]*\)|[\w.*[\]]+)?\s*\{/y;
/**
 * JS/TS: a named arrow function or function expression opening its parameter list (`const fetchAll = async (url) =>`).
 * With indices (`d`): the name is not the last word of the match.
 */
const ASSIGNED_FUNCTION = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]*)?=\s*(?:async\s*)?(?:function\b\s*)?\(/dg;
/** What follows an arrow's or a function expression's parameters: a block body, after an optional return type. */
const ASSIGNED_BODY = /\s*(?::[^={};\n]*)?(?:=>\s*)?\{/y;
const NOT_NAMES = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'elif', 'and', 'or', 'not', 'with', 'super', 'function']);
const PARAM_NAME = /^(?:(?:public|private|protected|readonly)\s+)*[&.]*\$?([A-Za-z_]\w*)/;
/** Longer parameter lists are not read: real ones are short. */
export const MAX_LIST = 600;
/** The most of a body read for a parameter's uses. */
const MAX_BODY = 20_000;

export interface FunctionDeclaration {
  readonly name: string;
  /** Index of the name. */
  readonly at: number;
  /** Parameter names in order (Python's `self` and `cls` left out); '' where none could be read. */
  readonly params: readonly string[];
  /** The parameter list's `(`. */
  readonly open: number;
  /** Just after what ends the parameters and starts the body: Python's `:` or the `{`. */
  readonly body: number;
}

export interface FileFunctions {
  /** In the order of the text. */
  readonly declarations: readonly FunctionDeclaration[];
  /** For each `(`, the index of its `)`. */
  readonly close: ReadonlyMap<number, number>;
}

/** For each `(`, the index of its `)`: one stack pass over the text. */
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

export function functionsOf(text: string, lang: Language, budget: Budget): FileFunctions {
  const close = matchParens(text, budget);
  const declarations = lang === 'ruby'
    ? declared(text, lang, RUBY_DECLARATION, RUBY_BODY, close, budget)
    : declared(text, lang, DECLARATION, lang === 'python' ? PYTHON_BODY : BRACE_BODY, close, budget);
  if (lang !== 'js') return { declarations, close };
  const assigned = declared(text, lang, ASSIGNED_FUNCTION, ASSIGNED_BODY, close, budget);
  return { declarations: [...declarations, ...assigned].sort((a, b) => a.at - b.at), close };
}

/** The declarations `pattern` opens (its group 1 the name, its match ending at the `(`) that `body` follows. */
function declared(text: string, lang: Language, pattern: RegExp, body: RegExp, close: ReadonlyMap<number, number>, budget: Budget): FunctionDeclaration[] {
  const declarations: FunctionDeclaration[] = [];
  for (const m of text.matchAll(pattern)) {
    budget.spend();
    const open = m.index + m[0].length - 1;
    const end = close.get(open);
    if (NOT_NAMES.has(m[1]) || end === undefined || end - open > MAX_LIST) continue;
    body.lastIndex = end + 1;
    if (!body.test(text)) continue;
    const params = splitList(text, open + 1, end).map((p) => PARAM_NAME.exec(p.text.trim())?.[1] ?? '');
    if (lang === 'python' && (params[0] === 'self' || params[0] === 'cls')) params.shift();
    declarations.push({ name: m[1], at: m.indices?.[1][0] ?? m.index + m[0].lastIndexOf(m[1]), params, open, body: body.lastIndex });
  }
  return declarations;
}

/** Where a declaration's body ends: the `}` that closes its `{`, or the first Python or Ruby line (`end`) indented no deeper than the `def`. */
export function bodyEnd(text: string, declaration: FunctionDeclaration, lang: Language): number {
  const limit = Math.min(text.length, declaration.body + MAX_BODY);
  if (lang !== 'python' && lang !== 'ruby') {
    let depth = 1;
    for (let i = declaration.body; i < limit; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) return i;
    }
    return limit;
  }
  const lineStart = text.lastIndexOf('\n', declaration.at) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, declaration.at))![0].length;
  const deeper = new RegExp(`\\n(?![ \\t]{${indent + 1}}|[ \\t]*(?:\\n|$))`, 'g');
  deeper.lastIndex = declaration.body;
  const end = deeper.exec(text);
  return end && end.index < limit ? end.index : limit;
}

/** The function whose body holds `at` (the innermost: the last declared before it whose body is still open there). */
export function functionAround(text: string, lang: Language, budget: Budget, at: number): FunctionDeclaration | undefined {
  const { declarations } = functionsOf(text, lang, budget);
  for (let i = declarations.length - 1; i >= 0; i--) {
    const declaration = declarations[i];
    if (declaration.body <= at && at < bodyEnd(text, declaration, lang)) return declaration;
  }
  return undefined;
}
