// Whether the object an SDK-looking call (`client.contacts.create(…)`) is made on is an Intercom client:
// its name says so, it was built by an Intercom constructor, or nothing says otherwise and it is named
// like a client. What the file assigns and which names share a line with "intercom" are indexed once
// per file, so the verdict for each distinct receiver costs no pass over the text.

import type { Budget } from './budget';

const MARKER = /intercom/gi;
const IDENTIFIER = /[A-Za-z_$][\w$]*/g;
// `client = new Intercom::Client(`, `client := intercom.NewClient(`, `$client = new IntercomClient(`…
const ASSIGNMENT = /(?<![\w$])\$?([A-Za-z_][\w$]*)\s*(?::=|=)\s*(?:await\s+)?(?:new\s+)?([\w$.:\\]+)\s*[({]/g;
/** Receivers that are the current object, never an SDK client. */
const SELF = /^(?:this|self|cls|super|\$this)$/;
/** Names an SDK client is usually given, when nothing says where it came from. */
const CLIENT_NAME = /^\$?(?:client|api|sdk|ic|\w*client)$/i;

export class Receivers {
  /** Each name's first assignment from a call: name → callee. */
  private readonly callees = new Map<string, string>();
  /** Identifiers on lines that mention Intercom (imports of the SDK, mostly). */
  private readonly onIntercomLines = new Set<string>();
  private readonly verdicts = new Map<string, boolean>();

  constructor(text: string, budget: Budget) {
    budget.spend(text.length);
    for (const m of text.matchAll(ASSIGNMENT)) {
      budget.spend();
      if (!this.callees.has(m[1])) this.callees.set(m[1], m[2]);
    }
    budget.spend(text.length);
    let lineDone = -1;
    for (const m of text.matchAll(MARKER)) {
      if (m.index < lineDone) continue;
      const start = text.lastIndexOf('\n', m.index) + 1;
      const newline = text.indexOf('\n', m.index);
      lineDone = newline < 0 ? text.length : newline;
      for (const id of text.slice(start, lineDone).matchAll(IDENTIFIER)) {
        budget.spend();
        this.onIntercomLines.add(id[0]);
      }
    }
  }

  isIntercom(receiver: string): boolean {
    let verdict = this.verdicts.get(receiver);
    if (verdict === undefined) {
      verdict = this.judge(receiver);
      this.verdicts.set(receiver, verdict);
    }
    return verdict;
  }

  private judge(receiver: string): boolean {
    const bare = receiver.replace(/^\$/, '');
    if (SELF.test(receiver)) return false;
    if (/intercom/i.test(bare)) return true;
    const callee = this.callees.get(bare);
    return callee ? this.isIntercomConstructor(callee) : CLIENT_NAME.test(bare);
  }

  /** `IntercomClient`, `Intercom::Client`, `intercom.NewClient`, or a name imported on a line mentioning intercom. */
  private isIntercomConstructor(callee: string): boolean {
    return /intercom/i.test(callee) || this.onIntercomLines.has(callee.split(/[.:\\]/).pop()!);
  }
}
