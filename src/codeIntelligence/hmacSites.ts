// Where the code computes an HMAC, and which signature header it is for: a webhook's X-Hub-Signature
// (HMAC-SHA1) or Canvas Kit's X-Body-Signature (HMAC-SHA256). The signature diagnostics only look at the
// lines around these sites (standing in for their function): an HMAC elsewhere signs something else.
//
// A site is an HMAC call, a call of a function of the same file that makes one (`makeSignature(body)`), or
// a call whose name says it checks a signature (`signatureValidator(JSON.stringify(req.body), …)`), whose
// HMAC lives in another file.
import { closingOf } from '../scopes/brackets';
import { namesContaining } from '../scopes/names';
import type { Language } from '../scopes/source';
import type { LineIndex } from './lines';

/** Lines either side of an HMAC that count as its neighbourhood. */
const NEARBY_LINES = 12;
/** How far above an HMAC call the function that holds it is looked for. */
const FUNCTION_LINES = 30;

const HMAC_CALL: Readonly<Record<Language, RegExp>> = {
  // Node's crypto, CryptoJS, and Web Crypto's HMAC key (Workers, Deno, browsers): `subtle.importKey('raw', k, { name: 'HMAC', hash: 'SHA-256' }, …)`.
  js: /\bcreateHmac\s*\(|\bHmacSHA(?:1|256)\s*\(|\bsubtle\.importKey\s*\((?=[^;]{0,300}\bHMAC\b)/g,
  python: /\bhmac\.(?:new|HMAC|digest)\s*\(/g,
  ruby: /\bOpenSSL::HMAC\.(?:hexdigest|digest|base64digest|new)\b\s*\(?/g,
  php: /\bhash_hmac\s*\(/g,
  go: /\bhmac\.New\s*\(/g,
};
/** A function definition: a group holds its name. */
const FUNCTION: Readonly<Record<Language, RegExp>> = {
  js: /\bfunction\s+([A-Za-z_$][\w$]*)|\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s+)?(?:function\b|\([^()\n]*\)\s*(?::[^=\n]*)?=>|[A-Za-z_$][\w$]*\s*=>)|^[ \t]*(?:(?:public|private|protected|static|async)\s+)*([A-Za-z_$][\w$]*)\s*\([^()\n]*\)\s*(?::[^{\n]*)?\{/gm,
  python: /^[ \t]*(?:async\s+)?def\s+(\w+)/gm,
  ruby: /^[ \t]*def\s+(?:self\.)?(\w+[?!]?)/gm,
  php: /\bfunction\s+(\w+)/g,
  go: /^func\s+(?:\([^)]*\)\s*)?(\w+)/gm,
};
/** In a name, what says it signs or checks a signature: `verifySignature(`, `signatureValidator(`, `compute_hmac(`. */
const CHECKS_SIGNATURE = /signature|hmac/gi;
const CALL_OPEN = /\s*\(/y;
/** Just before a name: it is being defined, not called. */
const DEFINED = /(?:\bdef|\bfunction|\bfunc(?:\s*\([^)]*\))?)\s+$/;
const KEYWORDS = /^(?:if|for|while|switch|catch|function|return|elif|else)$/;

/**
 * Any `X-…-Signature…` header: a quoted name, Rack's and PHP's env names (`HTTP_X_HUB_SIGNATURE`), a
 * parameter named after one (FastAPI's `x_hub_signature`), or the name written in text (a docstring).
 */
const HEADER = /(['"]?)\b(?:HTTP_)?(x[-_](?:[a-z0-9]+[-_]){0,3}signature(?:[-_][a-z0-9]+)?)\b\1/gi;
/** What makes a quoted header name a write (an outgoing request's header), not a read. */
const WRITTEN_AFTER = /^\s*(?::|=>)/;
const WRITTEN_BEFORE = /(?:set|add|append|setHeader|setRequestHeader)\s*\(\s*$/i;
const ALGORITHM = /sha-?(1|256)(?!\d)/gi;
/**
 * Messenger identity verification's `user_hash` (HMAC-SHA256 of the user's id or email), written on the HMAC's line
 * or naming its function: it signs a user, for no header.
 */
const USER_HASH = /user_?hash|identity_?verification|secure_?mode/i;

/** Intercom's two signature headers; `other`: another service's (GitHub's X-Hub-Signature-256, …). */
export type SignedHeader = 'hub' | 'body' | 'other';
/** What an HMAC is for: a header, or `both` of Intercom's, named around one check for either (its hash chosen by branch). */
export type SiteHeader = SignedHeader | 'both';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface HmacSite {
  readonly at: number;
  /** The call's argument text: what the HMAC is fed. */
  readonly args: Span;
  /** The hash, for an HMAC call that shows it (a call of a function making one has it at that HMAC call). */
  readonly algorithm?: Span & { readonly name: 'sha1' | 'sha256' };
  readonly window: Span;
  /** The signature header named nearest to the site, if the file names one. */
  readonly header?: SiteHeader;
}

/** An HMAC for one of Intercom's signature headers (or both). */
export const forIntercom = (site: HmacSite): boolean => site.header === 'hub' || site.header === 'body' || site.header === 'both';

export interface HmacSites {
  readonly sites: readonly HmacSite[];
  /** Functions of the file that make an HMAC: what their callers get is a digest. */
  readonly helpers: ReadonlySet<string>;
  /** The file reads X-Hub-Signature or X-Body-Signature from a request: it checks signatures, it does not only send them. */
  readonly checksReceived: boolean;
  /** Where the file reads X-Hub-Signature-256 (GitHub's and Meta's header, not Intercom's), when it never reads X-Hub-Signature. */
  readonly hub256Reads: readonly Span[];
}

interface HeaderMention {
  readonly at: number;
  readonly end: number;
  /** Lower case, with hyphens: `x-hub-signature-256`. */
  readonly name: string;
  readonly header: SignedHeader;
  /** Read from a request: quoted (or an env name), neither written about in text nor set on an outgoing request. */
  readonly read: boolean;
}

/** The argument text of a call whose `(` is just before `from`, or the rest of the line without parentheses. */
export function argumentSpan(code: string, from: number, parenthesised: boolean): Span {
  if (!parenthesised) {
    const newline = code.indexOf('\n', from);
    return { start: from, end: newline < 0 ? code.length : newline };
  }
  let depth = 1;
  for (let i = from; i < code.length && i < from + 2000; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')' && --depth === 0) return { start: from, end: i };
  }
  return { start: from, end: Math.min(code.length, from + 2000) };
}

function headerMentions(code: string): HeaderMention[] {
  if (!/signature/i.test(code)) return [];
  const mentions: HeaderMention[] = [];
  for (const m of code.matchAll(HEADER)) {
    const [all, quote, name] = m;
    const normal = name.toLowerCase().replace(/_/g, '-');
    const header: SignedHeader = normal === 'x-hub-signature' ? 'hub' : normal === 'x-body-signature' ? 'body' : 'other';
    // Written about in text (hyphens, no quotes): names the header, reads nothing.
    const prose = !quote && !all.startsWith('HTTP_') && name.includes('-');
    const end = m.index + all.length;
    const lineStart = code.lastIndexOf('\n', m.index) + 1;
    const written = quote !== '' && (WRITTEN_AFTER.test(code.slice(end, end + 4)) || WRITTEN_BEFORE.test(code.slice(lineStart, m.index)));
    mentions.push({ at: m.index, end, name: normal, header, read: !prose && !written });
  }
  return mentions;
}

function nearest(mentions: readonly HeaderMention[], at: number): SignedHeader | undefined {
  let best: HeaderMention | undefined;
  for (const m of mentions) if (!best || Math.abs(m.at - at) < Math.abs(best.at - at)) best = m;
  return best?.header;
}

function algorithmIn(code: string, from: number, to: number): HmacSite['algorithm'] {
  ALGORITHM.lastIndex = 0;
  const m = ALGORITHM.exec(code.slice(from, to));
  return m ? { name: m[1] === '1' ? 'sha1' : 'sha256', start: from + m.index, end: from + m.index + m[0].length } : undefined;
}

/** Both hashes in a call's arguments: one chosen at run time (`isHub ? 'sha1' : 'sha256'`), neither shown. */
const BOTH_HASHES = /sha-?1(?!\d)[\s\S]*sha-?256|sha-?256[\s\S]*sha-?1(?!\d)/i;

/** The algorithm in the call, else where its first argument was assigned nearby (`digest = OpenSSL::Digest.new('sha1')`). */
function algorithmOf(code: string, call: string, at: number, args: Span, window: Span): HmacSite['algorithm'] {
  const named = /^HmacSHA(1|256)/i.exec(call);
  if (named) return { name: named[1] === '1' ? 'sha1' : 'sha256', start: at, end: at + named[0].length };
  if (BOTH_HASHES.test(code.slice(args.start, args.end))) return undefined;
  const direct = algorithmIn(code, args.start, args.end);
  if (direct) return direct;
  const first = /^\s*([A-Za-z_]\w*)\s*[,)]?/.exec(code.slice(args.start, args.end));
  if (!first) return undefined;
  let found: HmacSite['algorithm'];
  for (const m of code.slice(window.start, at).matchAll(new RegExp(`\\b${first[1]}\\s*(?::=|=(?!=))[^\\n]*`, 'g'))) {
    found = algorithmIn(code, window.start + m.index, window.start + m.index + m[0].length);
  }
  return found;
}

function windowAround(lines: LineIndex, at: number): Span {
  const line = lines.lineAt(at);
  return { start: lines.lineStart(line - NEARBY_LINES), end: lines.lineEnd(Math.min(lines.lineCount - 1, line + NEARBY_LINES)) };
}

/** The function whose body holds `at`: the last one defined above it (not too far) that has not ended by then. */
function enclosingFunction(code: string, lang: Language, lines: LineIndex, at: number): { name: string; at: number } | undefined {
  const from = lines.lineStart(lines.lineAt(at) - FUNCTION_LINES);
  const defined = [...code.slice(from, at).matchAll(FUNCTION[lang])];
  for (let k = defined.length - 1; k >= 0; k--) {
    const m = defined[k];
    const name = m[1] ?? m[2] ?? m[3];
    if (!name || KEYWORDS.test(name)) continue;
    if (stillOpen(code, lang, lines, from + m.index + m[0].length, at)) return { name, at: from + m.index + m[0].indexOf(name) };
  }
  return undefined;
}

/** How many lines a function's signature may take before its body's `{`. */
const SIGNATURE_LINES = 3;

/**
 * Whether the function whose definition was read up to `defined` is still open at `at`: `at` is on the line that
 * defines it (a one-line function), deeper than its `def` (Python, Ruby), in an arrow's expression body, or before
 * the `}` closing its body.
 */
function stillOpen(code: string, lang: Language, lines: LineIndex, defined: number, at: number): boolean {
  const defLine = lines.lineAt(defined);
  const atLine = lines.lineAt(at);
  if (defLine === atLine) return true;
  if (lang === 'python' || lang === 'ruby') {
    const indent = (line: number): number => /^[ \t]*/.exec(code.slice(lines.lineStart(line), lines.lineEnd(line)))![0].length;
    const own = indent(defLine);
    for (let line = defLine + 1; line <= atLine; line++) {
      if (code.slice(lines.lineStart(line), lines.lineEnd(line)).trim() !== '' && indent(line) <= own) return false;
    }
    return true;
  }
  // An arrow's expression body (`=>` then no `{`) goes on to the end of its statement.
  if (code.slice(defined - 2, defined) === '=>' && !/^\s*\{/.test(code.slice(defined, defined + 200))) return !/;|\n[ \t]*\n/.test(code.slice(defined, at));
  // The body's `{`: the one the definition ends with (a method), else the first within the signature's lines.
  const open = code[defined - 1] === '{' ? defined - 1 : code.indexOf('{', defined);
  if (open < 0 || open > at || open > lines.lineEnd(defLine + SIGNATURE_LINES)) return false;
  return closingOf(code, open, at - open) === undefined;
}

/** Calls whose name contains "signature" or "hmac". */
function* signatureCalls(code: string): Generator<{ name: string; at: number; args: number }> {
  for (const name of namesContaining(code, CHECKS_SIGNATURE)) {
    CALL_OPEN.lastIndex = name.end;
    if (CALL_OPEN.test(code)) yield { name: name.text, at: name.at, args: CALL_OPEN.lastIndex };
  }
}

/**
 * The calls of each helper not named for signatures (signatureCalls finds those), in the helpers' order then the
 * text's: one search for all of them, since one per helper reads the whole file each time.
 */
function helperCalls(code: string, helpers: ReadonlyMap<string, number>): Map<string, RegExpExecArray[]> {
  const calls = new Map<string, RegExpExecArray[]>();
  for (const name of helpers.keys()) if (!/signature|hmac/i.test(name)) calls.set(name, []);
  if (calls.size === 0) return calls;
  // A call ends at its `(`: no other helper's call can start inside one, so none is missed.
  const names = [...calls.keys()].map((name) => name.replace(/[$?!]/g, '\\$&'));
  for (const m of code.matchAll(new RegExp(`(?<![\\w$])(${names.join('|')})\\s*\\(`, 'g'))) calls.get(m[1])!.push(m);
  return calls;
}

export function hmacSites(code: string, lang: Language, lines: LineIndex): HmacSites {
  const mentions = headerMentions(code);
  // Read beside X-Hub-Signature, it is a fallback: Intercom's deliveries are still checked.
  const readsHub = mentions.some((m) => m.read && m.header === 'hub');
  const hub256Reads = readsHub ? [] : mentions.filter((m) => m.read && m.name === 'x-hub-signature-256').map((m) => ({ start: m.at, end: m.end }));
  // An HMAC in a file that names neither signature header signs something else.
  if (!mentions.some((m) => m.header !== 'other')) return { sites: [], helpers: new Set(), checksReceived: false, hub256Reads };
  const site = (at: number, args: Span, algorithm: HmacSite['algorithm'], header: SiteHeader | undefined = nearest(mentions, at)): HmacSite =>
    ({ at, args, window: windowAround(lines, at), ...(algorithm && { algorithm }), ...(header && { header }) });
  /** Function name → where its name is defined. */
  const helpers = new Map<string, number>();
  const hmacs: { at: number; args: Span; algorithm: HmacSite['algorithm']; helper?: string }[] = [];
  for (const m of code.matchAll(HMAC_CALL[lang])) {
    const args = argumentSpan(code, m.index + m[0].length, m[0].endsWith('('));
    const helper = enclosingFunction(code, lang, lines, m.index);
    hmacs.push({ at: m.index, args, algorithm: algorithmOf(code, m[0], m.index, args, windowAround(lines, m.index)), helper: helper?.name });
    if (helper && !helpers.has(helper.name)) helpers.set(helper.name, helper.at);
  }
  const calls: HmacSite[] = [];
  /** Helper name → where the file calls it. */
  const called = new Map<string, number[]>();
  const addCall = (name: string, at: number, args: number): void => {
    calls.push(site(at, argumentSpan(code, args, true), undefined));
    called.set(name, [...(called.get(name) ?? []), at]);
  };
  for (const call of signatureCalls(code)) {
    if (helpers.get(call.name) === call.at || DEFINED.test(code.slice(Math.max(0, call.at - 40), call.at))) continue;
    addCall(call.name, call.at, call.args);
  }
  for (const [name, found] of helperCalls(code, helpers)) {
    for (const m of found) if (m.index !== helpers.get(name)) addCall(name, m.index, m.index + m[0].length);
  }
  const signsUser = (h: (typeof hmacs)[number]): boolean =>
    USER_HASH.test(code.slice(lines.lineStart(lines.lineAt(h.at)), lines.lineEnd(lines.lineAt(h.at)))) || USER_HASH.test(h.helper ?? '');
  const sites = hmacs.filter((h) => !signsUser(h)).map((h) => site(h.at, h.args, h.algorithm, headerOfHmac(mentions, lines, h.at, h.helper ? called.get(h.helper) : undefined)));
  return { sites: [...sites, ...calls], helpers: new Set(helpers.keys()), checksReceived: mentions.some((m) => m.read && m.header !== 'other'), hub256Reads };
}

/**
 * The header an HMAC is for: one named around it (`both` where Intercom's two are), else, in a function of the
 * file, the one named nearest its calls (a test's `signSlack()` sits beside `signIntercom()`, but is called for
 * X-Slack-Signature), an Intercom header winning; else the nearest in the file.
 */
function headerOfHmac(mentions: readonly HeaderMention[], lines: LineIndex, at: number, calls: readonly number[] | undefined): SiteHeader | undefined {
  const window = windowAround(lines, at);
  const around = mentions.filter((m) => m.at >= window.start && m.at <= window.end);
  if (around.some((m) => m.header === 'hub') && around.some((m) => m.header === 'body')) return 'both';
  if (around.length > 0 || !calls?.length) return nearest(around.length > 0 ? around : mentions, at);
  const atCalls = calls.map((call) => nearest(mentions, call));
  return atCalls.find((header) => header === 'hub' || header === 'body') ?? atCalls[0];
}
