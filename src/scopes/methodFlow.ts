// Where a URL value goes, to see the HTTP method it is sent with: at the value itself; where the variable
// holding it, or a copy of that variable, is used next; inside a function of the same file that takes it as a
// parameter (handed as an argument, or as the parameter's default). One hop into a function: a value handed to
// another module keeps its method unseen.

import { enclosingGroup, itemsAround, type Group } from './brackets';
import { inOtherBranch } from './branches';
import type { Budget } from './budget';
import { bodyEnd, functionsOf, type FileFunctions, type FunctionDeclaration } from './functions';
import type { HttpMethod } from './operations';
import { methodBeside } from './besideMethod';
import { bindingNames, directBinding, escapeRegExp, isGetByDefault, linePrefix, methodAt, type Language } from './source';

/** `= …` or `:= …` right after a variable: from there on it holds another value. */
const REASSIGNED = /\s*:?=(?![=>~])/y;
/** Nothing more of the statement after a value: it is all that is assigned. */
const STATEMENT_END = /[ \t]*(?:;|\r?\n|$)/y;
/** A query appended to the value: `url + '?' + …`, `$url . '?' . …`. */
const QUERY_APPENDED = /\s*(?:\+|\.)\s*[fFrRbBuU]{0,2}['"`]\?/y;
/** Before a value interpolated first into a string assigned to a name: `page_url = f"{`, `const next = `${`. */
const INTERPOLATED_INTO = /(?:^|[^\w$.])\$?([A-Za-z_][\w$]*)(?:\s*:\s*[\w$<>[\]|. ]+?)?\s*(?::=|=)\s*[fF]?["'`][$#]?\{$/;

/**
 * The variable the use of a URL variable at [at, after) is copied to: the whole value (`page_url = url`), or the
 * value with a query appended (`page_url = url + '?' + params`, `f"{url}?{params}"`), which is still that URL.
 */
function copyAt(text: string, at: number, after: number): string | undefined {
  STATEMENT_END.lastIndex = after;
  QUERY_APPENDED.lastIndex = after;
  if (STATEMENT_END.test(text) || QUERY_APPENDED.test(text)) return directBinding(text, at);
  return text.startsWith('}?', after) ? INTERPOLATED_INTO.exec(linePrefix(text, at))?.[1] : undefined;
}

/** The function called with the `(` at the end of the text: `send`, `this.send`, `c.send`, `send<T>`. */
const CALLEE = /([A-Za-z_$][\w$]*)\s*(?:<[^<>()\n]*>)?\s*$/;
/** Python's keyword argument: `url=…`. */
const KEYWORD = /^\s*([A-Za-z_]\w*)\s*=(?!=)/;
/** What may precede the value in its argument: a string prefix, `await`. */
const ARGUMENT_START = /^\s*(?:await\s+)?[fFrRbBuU]{0,2}\s*$/;
/** A call by a name an app may give its own function (`request`, `open`): GET by default only if the file declares none. */
const OWN_NAMED = /(?<![\w$.])(request|Request|open)\s*$/;
/** Uses of a variable followed, and copies of it. */
const MAX_USES = 5;
const MAX_NAMES = 4;
/** How far after a value its variable's uses are looked for. */
const USE_WINDOW = 3000;

export interface SeenMethod {
  readonly method: HttpMethod;
  /** False when GET had to be assumed. */
  readonly seen: boolean;
}

/** The method flow of one file's (comment-free) text; the file's functions are read once, when first needed. */
export class MethodFlow {
  #functions?: FileFunctions;
  /** What inBody found, by declaration and parameter. */
  private readonly bodies = new Map<string, HttpMethod | undefined>();

  constructor(private readonly text: string, private readonly lang: Language, private readonly budget: Budget) {}

  /** The file's functions, read when first needed. */
  get functions(): FileFunctions {
    return (this.#functions ??= functionsOf(this.text, this.lang, this.budget));
  }

  /** The method for a URL value spanning [start, end). */
  resolve(start: number, end: number): SeenMethod {
    const method = this.shownAt(start, end) ?? this.throughVariables(start, end);
    return method ? { method, seen: true } : { method: 'GET', seen: false };
  }

  /** At the value, or inside the function of this file it is handed to. */
  private shownAt(start: number, end: number): HttpMethod | undefined {
    const group = enclosingGroup(this.text, start) ?? null;
    return this.besideValue(start, end, group) ?? this.inFunction(start, group);
  }

  /** Named by the call the value is handed to, written beside it, or the call's default. */
  private besideValue(start: number, end: number, group: Group | null = enclosingGroup(this.text, start) ?? null): HttpMethod | undefined {
    const { text } = this;
    return methodAt(text, start, end) ?? methodBeside(text, start, group) ?? (isGetByDefault(text, start) && !this.callsOwn(group) ? 'GET' : undefined);
  }

  /** `group` is the argument (or parameter) list of a function this file declares by a client's name (`def request(url)`). */
  private callsOwn(group: Group | null): boolean {
    if (!group || this.text[group.open] !== '(') return false;
    const callee = OWN_NAMED.exec(linePrefix(this.text, group.open))?.[1];
    if (!callee) return false;
    const { declarations } = this.functions;
    return declarations.some((d) => d.name === callee);
  }

  /**
   * Where the variables the value is stored in are used next (`url = "…/me"` … `requests.get(url)`), up to where
   * each is assigned again (the next function's `url = …` is another URL; an else branch's is not); a copy (`url = first`) is followed too.
   */
  private throughVariables(start: number, end: number): HttpMethod | undefined {
    const { text } = this;
    const names = bindingNames(text, start).map((name) => ({ name, from: end }));
    for (let i = 0; i < names.length; i++) {
      const { name, from } = names[i];
      const usage = new RegExp(`(?<![\\w$])\\$?${escapeRegExp(name)}(?![\\w$])`, 'g');
      for (const m of [...text.slice(from, from + USE_WINDOW).matchAll(usage)].slice(0, MAX_USES)) {
        this.budget.spend();
        const at = from + m.index;
        const after = at + m[0].length;
        REASSIGNED.lastIndex = after;
        // Assigned again in the else branch, the value still reaches the call after the if.
        if (REASSIGNED.test(text)) {
          if (inOtherBranch(text, this.lang, from, at)) continue;
          break;
        }
        const method = this.shownAt(at, after);
        if (method) return method;
        const copy = copyAt(text, at, after);
        if (copy && names.length < MAX_NAMES && !names.some((n) => n.name === copy)) names.push({ name: copy, from: after });
      }
    }
    return undefined;
  }

  /**
   * Inside the function of this file whose parameter the value at `start` becomes: as an argument of a call
   * (at its position, or by keyword), or as the default in the function's own parameter list.
   */
  private inFunction(start: number, group: Group | null): HttpMethod | undefined {
    const { text } = this;
    if (!group || text[group.open] !== '(') return undefined;
    const { items, at } = itemsAround(text, group, start);
    if (at < 0) return undefined;
    const lead = text.slice(items[at].at, start);
    const { declarations } = this.functions;
    const declaring = declarations.find((d) => d.open === group.open);
    if (declaring) {
      const param = KEYWORD.exec(lead)?.[1] ?? /^\s*[$&]?([A-Za-z_]\w*)/.exec(lead)?.[1];
      return param ? this.inBody(declaring, param) : undefined;
    }
    const keyword = KEYWORD.exec(lead);
    if (!keyword && !ARGUMENT_START.test(lead)) return undefined;
    const callee = CALLEE.exec(linePrefix(text, group.open));
    const declared = callee && declarations.find((d) => d.name === callee[1]);
    if (!declared) return undefined;
    const param = keyword ? keyword[1] : declared.params[at];
    return param ? this.inBody(declared, param) : undefined;
  }

  /** Where a parameter is used in its function's body, up to where it is assigned again; once per parameter. */
  private inBody(declaration: FunctionDeclaration, param: string): HttpMethod | undefined {
    const key = `${declaration.at} ${param}`;
    if (!this.bodies.has(key)) this.bodies.set(key, this.usedInBody(declaration, param));
    return this.bodies.get(key);
  }

  private usedInBody(declaration: FunctionDeclaration, param: string): HttpMethod | undefined {
    const { text } = this;
    const end = bodyEnd(text, declaration, this.lang);
    const usage = new RegExp(`(?<![\\w$])\\$?${escapeRegExp(param)}(?![\\w$])`, 'g');
    for (const m of [...text.slice(declaration.body, end).matchAll(usage)].slice(0, MAX_USES)) {
      this.budget.spend();
      const at = declaration.body + m.index;
      REASSIGNED.lastIndex = at + m[0].length;
      if (REASSIGNED.test(text)) break;
      const method = this.besideValue(at, at + m[0].length);
      if (method) return method;
    }
    return undefined;
  }
}
