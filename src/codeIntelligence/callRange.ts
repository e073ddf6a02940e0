// Where a call the scanner found ends. The scanner gives where it starts: the URL literal's quote, or
// the receiver of `client.contacts.create(…)`, `http.post('/contacts'…)`, `base + '/tags'`. The range
// covers that literal, or the receiver's chain and the path literal handed to it, on at most a few lines.
import { quoteAt, readLiteral, type Language } from '../scopes/source';

/**
 * A receiver and its members: `this.client`, `$this->http`, `client.contacts.create`, `new URL`. A call's
 * `(…)` is part of it only when a member follows (`Client(token).contacts`): the last call is not.
 */
const CHAIN = /(?:new\s+)?\$?[A-Za-z_][\w$]*(?:\s*\([^()\n]{0,200}\)(?=\s*(?:\.|->)))?(?:\s*(?:\.|->|::)\s*\$?[A-Za-z_][\w$]*(?:\s*\([^()\n]{0,200}\)(?=\s*(?:\.|->)))?)*/y;
/** A receiver and its members, no call: `this.intercomClient.get` of `this.intercomClient.get("/users").query(q)`. */
const MEMBERS = /(?:new\s+)?\$?[A-Za-z_][\w$]*(?:\s*(?:\.|->|::)\s*\$?[A-Za-z_][\w$]*)*/y;
/** What may stand between the chain and the path literal it is given: `(`, `('POST', `, ` + `, ` . `. */
const TO_LITERAL = /\s*(?:\(\s*(?:(['"])[A-Za-z]{3,6}\1\s*,\s*)?|[+.]\s*)/y;

/** A string literal in the code: from its quote (after any prefix) to just past its closing quote. */
export interface LiteralSpan {
  readonly open: number;
  readonly end: number;
  /** Its text, HOLE where it interpolates a value. */
  readonly value: string;
}

/** The literal (after its string prefix: Python's `f"…"`, `r'…'`) starting at `at`. */
export function literalAt(text: string, at: number, lang: Language): LiteralSpan | undefined {
  const open = quoteAt(text, at);
  const piece = readLiteral(text, open, lang);
  return piece && { open, end: piece.end, value: piece.value };
}

export interface CallExtent {
  readonly end: number;
  /** The end of the receiver's chain (`client.contacts.find`), where the call's arguments start. */
  readonly chainEnd: number;
  /** The URL or path literal the range ends with, when the call has one. */
  readonly literal?: LiteralSpan;
}

/**
 * The extent of the call that starts at `start`: the URL literal, or the receiver's chain and, for a REST
 * call (`http.post('/contacts'`), the path literal handed to it. An SDK call ends with its method's name.
 */
export function callExtent(text: string, start: number, lang: Language, kind: 'rest' | 'sdk'): CallExtent {
  const own = literalAt(text, start, lang);
  if (own) return { end: own.end, chainEnd: own.end, literal: own };
  // A REST call's path is handed to the chain's first call; calls chained after it (`.query(q)`, `.then(…)`) are not the chain.
  MEMBERS.lastIndex = start;
  const membersEnd = kind === 'rest' && MEMBERS.test(text) ? MEMBERS.lastIndex : -1;
  const first = membersEnd < 0 ? undefined : pathLiteral(text, membersEnd, lang);
  if (first) return { end: first.end, chainEnd: membersEnd, literal: first };
  CHAIN.lastIndex = start;
  const chain = CHAIN.exec(text);
  if (!chain) return { end: Math.min(text.length, start + 1), chainEnd: start };
  const chainEnd = start + chain[0].length;
  const literal = kind === 'rest' ? pathLiteral(text, chainEnd, lang) : undefined;
  return literal ? { end: literal.end, chainEnd, literal } : { end: chainEnd, chainEnd };
}

/** The path literal handed to a chain that ends at `chainEnd`, if it is given one. */
function pathLiteral(text: string, chainEnd: number, lang: Language): LiteralSpan | undefined {
  TO_LITERAL.lastIndex = chainEnd;
  return TO_LITERAL.test(text) ? literalAt(text, TO_LITERAL.lastIndex, lang) : undefined;
}
