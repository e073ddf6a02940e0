// Whether the object an SDK-looking call (`client.contacts.create(…)`) is made on is an Intercom client:
// its name says so, it was built by an Intercom constructor, or nothing says otherwise and it is named
// like a client. A client returned by the app's own factory (`client = await connect(opts)`) or a call
// as the receiver (`getIntercom().admins…`) is judged the same way; a constructor of another class
// (`new MongoClient()`, `Redis.new`, `NewStore()`) says otherwise. What the file assigns and which names
// share a line with "intercom" are gathered once per file, so each distinct receiver costs no pass over the file.

import type { Budget } from './budget';
import { escapeRegExp } from './source';

const MARKER = /intercom/gi;
// `client = new Intercom::Client(`, `client := intercom.NewClient(`, `$client = new IntercomClient(`…
// Found from the `=` (the name before it is read behind): tried at every `=` rather than every name, 4× quicker.
const ASSIGNMENT = /(?::=|=)(?<=(?<![\w$])\$?([A-Za-z_][\w$]*)\s*(?::=|=))\s*(?:await\s+)?(new\s+)?([\w$.:\\]+)\s*[({]/g;
/** Receivers that are the current object, never an SDK client. */
const SELF = /^(?:this|self|cls|super|\$this)$/;
/** Names an SDK client is usually given, when nothing says where it came from. */
const CLIENT_NAME = /^\$?(?:client|api|sdk|ic|\w*client)$/i;
/** What a client's name says it is a client of (`stripeClient`, `zendesk_client`, `slackApi`). */
const CLIENT_OF = /^([A-Za-z]{2,}?)_?(?:client|api)$/i;
/** Words before "client" that say nothing of whose client it is. */
const GENERIC_WORDS = new Set([
  'api', 'rest', 'http', 'https', 'web', 'sdk', 'app', 'base', 'default', 'main', 'legacy', 'raw', 'new', 'old',
  'async', 'sync', 'shared', 'global', 'cached', 'the', 'my', 'our', 'mock', 'fake', 'test',
]);
/** What a client's name says when it is Intercom's: `intercomClient`, `ic_client`. */
const INTERCOM_WORD = /^(?:ic|.*intercom.*)$/;

/** A name that says whose client it is, someone's other than Intercom (`stripeClient`, `ai_client`, `slackApi`). */
function namesAnothersClient(name: string): boolean {
  const of = CLIENT_OF.exec(name)?.[1].toLowerCase();
  return of !== undefined && !GENERIC_WORDS.has(of) && !INTERCOM_WORD.test(of);
}

/**
 * Just before a member receiver at `at`, the object it belongs to: `ai_client` in `self.ai_client.client`,
 * `$this->slack->client`. Read backwards: this runs at every SDK-looking call.
 */
function ownerBefore(text: string, at: number): string | undefined {
  let i = at;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  if (text[i - 1] === '.') i--;
  else if (text[i - 1] === '>' && text[i - 2] === '-') i -= 2;
  else return undefined;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  const end = i;
  while (i > 0 && /[\w$]/.test(text[i - 1])) i--;
  const name = text.slice(i, end);
  return /^[A-Za-z_]/.test(name) ? name : undefined;
}

/** An assignment's `=` after a name (not `==`, `=>`). */
const ASSIGNED = /[\w$]*\s*:?=(?![=>])/y;

/** Whether the name going on at `at` is assigned there. */
function assignedAt(text: string, at: number): boolean {
  ASSIGNED.lastIndex = at;
  return ASSIGNED.test(text);
}

/** How far an import's list of names may run over lines. */
const IMPORT_LIST_CHARS = 2000;
/** A line closing an import's list (`} from 'intercom-client'`), or opening one (`from intercom import (`, `use Intercom\\{`). */
const CLOSES_IMPORT = /^[ \t]*[})]\s*(?:from\b|=\s*require\b)/;
const OPENS_IMPORT = /^[ \t]*(?:from\s.*\bimport|use\s.*)\s*[({][ \t]*$/;

/** The line from `start` to `end`, with the rest of the import whose list of names it opens or closes. */
function importAround(text: string, start: number, end: number): { start: number; end: number } {
  const line = text.slice(start, end);
  if (CLOSES_IMPORT.test(line)) {
    const open = text.lastIndexOf(line.trimStart()[0] === '}' ? '{' : '(', start);
    if (open >= 0 && start - open <= IMPORT_LIST_CHARS) return { start: text.lastIndexOf('\n', open) + 1, end };
  } else if (OPENS_IMPORT.test(line)) {
    const close = text.indexOf(line.trimEnd().endsWith('{') ? '}' : ')', end);
    if (close >= 0 && close - end <= IMPORT_LIST_CHARS) return { start, end: close + 1 };
  }
  return { start, end };
}

/** What a factory function's name adds to the client it returns (`getClient`, `make_api`). */
const FACTORY_PREFIX = /^(?:get|make|create|build|new|open|connect)_?(?=[A-Za-z])/i;

interface Callee {
  /** The called name without its qualifiers, and without Ruby's `.new`. */
  readonly name: string;
  readonly path: string;
  /** `new X(…)`, `X.new(…)` or a capitalized name: a class, not the app's own factory. */
  readonly constructs: boolean;
}

/** Right after `require(`: the module (`require('./lib/slack')`), and whether what it exports is called (`require('twilio')(sid, token)`). */
const REQUIRED = /\s*['"]([^'"\n]+)['"]\s*\)(\s*\()?/y;

function callee(path: string, isNew: boolean): Callee {
  const segments = path.split(/[.:\\]+/).filter(Boolean);
  const rubyNew = segments.length > 1 && segments.at(-1) === 'new';
  if (rubyNew) segments.pop();
  const constructs = isNew || rubyNew || segments.some((s) => /^[A-Z]/.test(s));
  return { name: segments.at(-1) ?? path, path, constructs };
}

export type Evidence = 'said' | 'named';

/** How far after a second assignment of a name its uses are read as that one's (a block, not a file). */
const SHADOW_REACH = 4000;

interface Assignment {
  readonly at: number;
  readonly source: Callee;
}

export class Receivers {
  /** Each name's assignments from a call, in the file's order. */
  private readonly callees = new Map<string, Assignment[]>();
  /** The lines that mention Intercom (imports of the SDK, mostly, with the rest of their lists of names), one after the other. */
  private readonly intercomLines: string;
  private readonly verdicts = new Map<string, Evidence | undefined>();

  /** `imported`: names the file takes from a project module that talks to Intercom. */
  constructor(private readonly text: string, budget: Budget, private readonly imported: ReadonlySet<string> = new Set()) {
    budget.spend(text.length);
    for (const m of text.matchAll(ASSIGNMENT)) {
      budget.spend();
      const assignments = this.callees.get(m[1]) ?? [];
      this.callees.set(m[1], assignments);
      REQUIRED.lastIndex = m.index + m[0].length;
      // A module's export is what the module is (a required function called makes one of its objects), not `require`.
      const required = m[3] === 'require' ? REQUIRED.exec(text) : null;
      assignments.push({ at: m.index, source: required ? { name: required[1], path: `require('${required[1]}')`, constructs: required[2] !== undefined } : callee(m[3], m[2] !== undefined) });
    }
    budget.spend(text.length);
    const lines: string[] = [];
    let lineDone = -1;
    for (const m of text.matchAll(MARKER)) {
      // A variable named for Intercom says nothing of what it is assigned (a door's `intercom = AkuvoxClient(…)`).
      if (m.index < lineDone || assignedAt(text, m.index + m[0].length)) continue;
      const newline = text.indexOf('\n', m.index);
      lineDone = newline < 0 ? text.length : newline;
      const { start, end } = importAround(text, text.lastIndexOf('\n', m.index) + 1, lineDone);
      lineDone = Math.max(lineDone, end);
      lines.push(text.slice(start, end));
    }
    this.intercomLines = lines.join('\n');
  }

  /** `receiver` is a variable's name, or a function's name when `called` (`getIntercom().admins…`). */
  isIntercom(receiver: string, called = false): boolean {
    return this.evidence(receiver, called) !== undefined;
  }

  /**
   * What says the receiver is an Intercom client: `said` (its name, where it came from, an Intercom import), or
   * only that it is `named` like a client (`client`, `api`); undefined when it is not one. A variable used at `at`
   * holds what it was last assigned before in a block still open there (`var client = new twilio(…)` inside a
   * callback shadows Intercom's); else, and without `at`, its first assignment.
   */
  evidence(receiver: string, called = false, at = 0): Evidence | undefined {
    // The client another one holds (`self.ai_client.client.messages.create(…)`) is that one's.
    const owner = ownerBefore(this.text, at);
    if (owner && namesAnothersClient(owner)) return undefined;
    const bare = receiver.replace(/^\$/, '');
    const assignments = called ? undefined : this.callees.get(bare);
    let index = assignments ? 0 : -1;
    for (let i = (assignments?.length ?? 0) - 1; i > 0; i--) {
      if (assignments![i].at < at && this.inScopeAt(assignments![i].at, at)) {
        index = i;
        break;
      }
    }
    const key = called ? `${receiver}()` : `${receiver}#${index}`;
    if (!this.verdicts.has(key)) this.verdicts.set(key, called ? this.returnsClient(receiver) : this.holdsClient(receiver, assignments?.[index]?.source));
    return this.verdicts.get(key);
  }

  /** Whether a variable assigned at `from` is still that one at `at`: near, and no line between is outdented past its own. */
  private inScopeAt(from: number, at: number): boolean {
    const { text } = this;
    if (at - from > SHADOW_REACH) return false;
    const indent = (lineStart: number): number => /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0].length;
    const own = indent(text.lastIndexOf('\n', from) + 1);
    for (let line = text.indexOf('\n', from) + 1; line > 0 && line < at; line = text.indexOf('\n', line) + 1) {
      const end = text.indexOf('\n', line);
      if (text.slice(line, end < 0 ? text.length : end).trim() !== '' && indent(line) < own) return false;
    }
    return true;
  }

  private holdsClient(receiver: string, source: Callee | undefined): Evidence | undefined {
    const bare = receiver.replace(/^\$/, '');
    if (SELF.test(receiver)) return undefined;
    if (source && this.isIntercomCallee(source)) return 'said';
    // Built by another class, it is that class's whatever its name (a door intercom's `intercom = AkuvoxClient(…)`).
    if (source?.constructs) return undefined;
    if (/intercom/i.test(bare) || this.imported.has(bare)) return 'said';
    // The app's own factory: as if nothing said where the client came from.
    return this.namedLikeClient(bare) ? 'named' : undefined;
  }

  private returnsClient(fn: string): Evidence | undefined {
    const name = fn.replace(/^\$/, '');
    if (this.imported.has(name) || this.isIntercomCallee(callee(name, false))) return 'said';
    return this.namedLikeClient(name.replace(FACTORY_PREFIX, '')) ? 'named' : undefined;
  }

  /** Named like a client, and not for another service (`client`, `apiClient`; not `stripeClient`). */
  private namedLikeClient(name: string): boolean {
    return CLIENT_NAME.test(name) && !namesAnothersClient(name);
  }

  /** `IntercomClient`, `Intercom::Client.new`, `intercom.NewClient`, or a name imported on a line mentioning intercom. */
  private isIntercomCallee(source: Callee): boolean {
    return /intercom/i.test(source.path) || this.onIntercomLine(source.name);
  }

  /** Whether `name` is a whole identifier on a line that mentions Intercom (one whose leading digits are dropped counts too). */
  private onIntercomLine(name: string): boolean {
    return /^[A-Za-z_$]/.test(name) && new RegExp(`(?<![A-Za-z_$][\\w$]*)${escapeRegExp(name)}(?![\\w$])`).test(this.intercomLines);
  }
}
