// Signature checks done wrong, in the receiver's own words (webhooks/signature.ts): an HMAC over the JSON
// serialised again instead of the raw body ('reserialised'), the wrong hash for the header ('sha256'
// for X-Hub-Signature; SHA-1 for Canvas Kit's X-Body-Signature), and an Intercom receiver reading
// GitHub's X-Hub-Signature-256. The first two only at an HMAC for X-Hub-Signature or X-Body-Signature
// (hmacSites), and the re-serialised body only in a file that reads one from a request: a sender rightly
// signs the JSON it serialises itself.
import type { Language } from '../scopes/source';
import { findTopicRule } from '../scopes/topics';
import { argumentSpan, forIntercom, type HmacSite, type HmacSites, type Span } from './hmacSites';
import type { LineIndex } from './lines';
import { diagnostic, type CodeDiagnostic, type QuickFix } from './model';

/** Serialising parsed JSON again: what an HMAC of the raw body must not be fed. */
const RESERIALISED: Readonly<Record<Language, RegExp>> = {
  js: /\bJSON\.stringify\s*\(/g,
  python: /\bjson\.dumps\s*\(|\.get_json\s*\(\s*\)|\brequest\.json\b/g,
  ruby: /\.to_json\b|\bJSON\.(?:generate|dump)\s*\(/g,
  php: /\bjson_encode\s*\(/g,
  go: /\bjson\.Marshal(?:Indent)?\s*\(/g,
};
/** Calls that feed more data into an HMAC already created. */
const FEED: Readonly<Record<Language, RegExp>> = {
  js: /\.update\s*\(/g,
  python: /\.update\s*\(/g,
  ruby: /\.update\s*\(|<<\s*/g,
  php: /\bhash_update\s*\(/g,
  go: /\.Write\s*\(/g,
};

/** The name assigned what ends a line's text: `name =` (or `a, b :=`) and no other assignment after it, only comparisons. */
const ASSIGNED_BEFORE = /([$@]?[A-Za-z_][\w$]*)(?:\s*,\s*[$@]?[A-Za-z_][\w$]*)*\s*(?::=|=(?![=>]))(?:[^=]|==+|[!<>]=+|=>)*$/;

const inside = (at: number, spans: readonly Span[]): boolean => spans.some((s) => at >= s.start && at < s.end);

/** What the HMAC is fed: its own arguments and the feeding calls after it, nearby. */
function fedSpans(code: string, lang: Language, site: HmacSite): Span[] {
  const spans: Span[] = [site.args];
  FEED[lang].lastIndex = 0;
  for (const m of code.slice(site.at, site.window.end).matchAll(FEED[lang])) {
    spans.push(argumentSpan(code, site.at + m.index + m[0].length, m[0].includes('(')));
  }
  return spans;
}


/** The variable `name`, not a member of that name (`request.data` is not `data`). */
const variable = (name: string): string => `(?<![\\w$.]|->)[$@]?${name}(?![\\w$])`;
const mentions = (name: string): RegExp => new RegExp(variable(name));
/** A name the HMAC is fed: itself, or a name assigned from it below (`data = payload.encode()`), one copy deep. */
function reaches(below: string, name: string, fedText: string): boolean {
  if (mentions(name).test(fedText)) return true;
  const copy = new RegExp(`^[ \\t]*(?:(?:const|let|var)\\s+)?[$@]?([A-Za-z_][\\w$]*)\\s*(?::=|=(?![=>]))[^\\n]*${variable(name)}`, 'gm');
  return [...below.matchAll(copy)].some((m) => m[1] !== name && mentions(m[1]).test(fedText));
}

function reserialised(code: string, lang: Language, lines: LineIndex, site: HmacSite): CodeDiagnostic[] {
  const fed = fedSpans(code, lang, site);
  const fedText = fed.map((s) => code.slice(s.start, s.end)).join('\n');
  const found: CodeDiagnostic[] = [];
  const { start, end } = site.window;
  // `json.dumps(request.json)` is one re-serialisation: a cue inside one already reported is skipped.
  let reportedUntil = -1;
  for (const m of code.slice(start, end).matchAll(RESERIALISED[lang])) {
    const at = start + m.index;
    if (at < reportedUntil) continue;
    let direct = inside(at, fed);
    if (!direct) {
      // `payload = JSON.stringify(req.body)` (Go: `payload, _ := json.Marshal(…)`), or one branch of what it is
      // assigned (`raw = typeof req.body === 'string' ? req.body : JSON.stringify(req.body)`), then fed to the HMAC.
      const lineStart = code.lastIndexOf('\n', at) + 1;
      const assigned = ASSIGNED_BEFORE.exec(code.slice(lineStart, at));
      const name = assigned?.[1].replace(/^[$@]/, '');
      direct = name !== undefined && reaches(code.slice(at, end), name, fedText);
    }
    if (!direct) continue;
    const cueEnd = m[0].endsWith('(') ? argumentSpan(code, at + m[0].length, true).end + 1 : at + m[0].length;
    reportedUntil = cueEnd;
    found.push(diagnostic('intercom.signature-reserialised', lines.range(at, cueEnd), 'warning',
      'This HMAC is computed over the JSON serialised again, not the bytes Intercom sent: spacing, key order or escaping differ and the signature never matches. Sign the raw request body.'));
  }
  return found;
}

const EXPECTED = { hub: 'sha1', body: 'sha256' } as const;
const WHY = {
  hub: 'Intercom signs webhook notifications (X-Hub-Signature) with HMAC-SHA1: an HMAC-SHA256 never matches.',
  body: 'Canvas Kit signs its requests (X-Body-Signature) with HMAC-SHA256: an HMAC-SHA1 never matches.',
} as const;

/** Swapping the name is the whole fix only where it is a string or a hashlib name, and no `sha256=` prefix is built nearby. */
function algorithmFix(code: string, lines: LineIndex, site: HmacSite, want: 'sha1' | 'sha256'): QuickFix[] {
  const algorithm = site.algorithm!;
  const written = code.slice(algorithm.start, algorithm.end);
  const quoted = /['"]/.test(code[algorithm.start - 1] ?? '') && /['"]/.test(code[algorithm.end] ?? '');
  const hashlib = code.slice(algorithm.start - 8, algorithm.start) === 'hashlib.';
  if ((!quoted && !hashlib) || /sha-?(?:1|256)=/i.test(code.slice(site.window.start, site.window.end))) return [];
  // As written: Web Crypto's names are hyphenated ('SHA-256' → 'SHA-1').
  const spelled = written.includes('-') ? want.replace('sha', 'sha-') : want;
  const replacement = written === written.toUpperCase() ? spelled.toUpperCase() : spelled;
  return [{ kind: 'edit', title: `Use ${spelled.toUpperCase()}`, edits: [{ range: lines.range(algorithm.start, algorithm.end), newText: replacement }] }];
}

/**
 * `saysIntercom`: the file's text or path names Intercom or one of its topics. X-Hub-Signature is WebSub's header,
 * which others send too, with SHA-256 (Jira's `sha256=…`): only there is it Intercom's.
 */
function wrongAlgorithm(code: string, lines: LineIndex, site: HmacSite, saysIntercom: boolean): CodeDiagnostic[] {
  // A check for both headers (`both`) has each hash in its own branch.
  if (!site.algorithm || (site.header !== 'hub' && site.header !== 'body') || (site.header === 'hub' && !saysIntercom)) return [];
  const header = site.header;
  const want = EXPECTED[header];
  if (site.algorithm.name === want) return [];
  return [diagnostic('intercom.signature-algorithm', lines.range(site.algorithm.start, site.algorithm.end), 'warning', WHY[header], algorithmFix(code, lines, site, want))];
}

/** Lines either side of a read of X-Hub-Signature-256 that say whose receiver it is. */
const RECEIVER_LINES = 5;
/** Services that do send X-Hub-Signature-256: near one of them the header is theirs. */
const SENDS_HUB_256 = /github|facebook|instagram|whatsapp|\bfb\b|\bmeta\b/i;

/** A dotted name in quotes: a webhook topic, if Intercom sends one by that name. */
const QUOTED_TOPIC = /['"`]([a-z_]+(?:\.[a-z_]+)+)['"`]/g;
const namesIntercom = (text: string): boolean =>
  /intercom/i.test(text) || [...text.matchAll(QUOTED_TOPIC)].some((m) => findTopicRule(m[1]) !== undefined);

/**
 * X-Hub-Signature-256 read where the lines around, or the file's path (a route of its own:
 * `app/api/webhooks/intercom/route.ts`), name Intercom or one of its topics and no service that sends it
 * (a route `/webhook/intercom`, `verifyIntercomSignature(…)`, `'conversation.user.replied'`): Intercom's
 * deliveries never carry it.
 */
function githubHeader(code: string, lines: LineIndex, reads: readonly Span[], file: string): CodeDiagnostic[] {
  const routeOfIntercom = /intercom/i.test(file) && !SENDS_HUB_256.test(file);
  return reads.flatMap((read) => {
    const line = lines.lineAt(read.start);
    const around = code.slice(lines.lineStart(line - RECEIVER_LINES), lines.lineEnd(Math.min(lines.lineCount - 1, line + RECEIVER_LINES)));
    if (!(routeOfIntercom || namesIntercom(around)) || SENDS_HUB_256.test(around)) return [];
    return [diagnostic('intercom.signature-header', lines.range(read.start, read.end), 'warning',
      'Intercom sends no X-Hub-Signature-256: it signs webhook notifications in X-Hub-Signature (sha1=…, an HMAC-SHA1 of the raw body keyed with the app\'s client secret), so this check never finds a signature on its deliveries.')];
  });
}

/**
 * `file`: the document's path; its text as written (comments too: `# Intercom webhooks` says whose receiver it is);
 * and whether it is test code, which signs the deliveries it builds itself (`JSON.stringify({ … })`, a spec's
 * `body.to_json`): no re-serialised body there.
 */
export function signatureDiagnostics(
  code: string, lang: Language, lines: LineIndex, { sites, checksReceived, hub256Reads }: HmacSites, file: { path: string; source: string; inTest: boolean },
): CodeDiagnostic[] {
  const receives = checksReceived && !file.inTest;
  const intercomSites = sites.filter(forIntercom);
  const saysIntercom = intercomSites.some((site) => site.header === 'hub') && (/intercom/i.test(file.path) || namesIntercom(file.source));
  return [
    ...intercomSites.flatMap((site) => [...(receives ? reserialised(code, lang, lines, site) : []), ...wrongAlgorithm(code, lines, site, saysIntercom)]),
    ...githubHeader(code, lines, hub256Reads, file.path),
  ];
}
