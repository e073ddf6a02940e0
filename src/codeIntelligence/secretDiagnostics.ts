// Secrets in source: an Intercom access token (the base64 of `tok:…`, so it starts with `dG9rO`), and a
// client secret literal given to a name such as client_secret. A warning, an error when git tracks the file.
//
// What is not a secret: a token that does not decode to `tok:` and at least 16 more characters, or that is
// cut short (`dG9rOmU5…...` in a placeholder) or spelled like an example (`tok:mock-…`, `…abcdef123456…`); a client
// secret value that is short, spelled like a placeholder ('your_client_secret', 'xxx', 'changeme'), or
// has no digit and letter mix (Intercom's are UUIDs); one that is not Intercom's (no "intercom" in its name or
// within a few lines: a file can hold several services' credentials). Test code is left alone for client secrets: fixtures
// sign their test deliveries with made-up ones that cannot be told from real ones. A token is flagged even
// there: nothing but Intercom mints that shape, and a test file is pushed like any other.
import type { Language } from '../scopes/source';
import { literalAt, type LiteralSpan } from './callRange';
import { envFix } from './envFix';
import type { LineIndex } from './lines';
import { diagnostic, type CodeDiagnostic, type DiagnosticCode } from './model';

export interface SecretInput {
  /** The document as written. */
  readonly text: string;
  /** The same with comments blanked (same offsets). */
  readonly code: string;
  readonly lang: Language;
  readonly lines: LineIndex;
  readonly gitTracked: boolean;
  readonly inTestFile: boolean;
}

/** A base64 run starting with `tok:`, not cut short by an ellipsis. */
const TOKEN = /(?<![A-Za-z0-9+/])dG9rO[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=]|\.\.|…)/g;
const EXAMPLE = /mock|fake|test|example|sample|dummy|placeholder|abcdef|123456|x-oauth/i;

/** Whether a base64 run decodes to an access token: `tok:` and at least 16 printable characters, not an example's. */
export function isAccessToken(run: string): boolean {
  const bare = run.replace(/=+$/, '');
  try {
    const decoded = atob(bare.padEnd(Math.ceil(bare.length / 4) * 4, '='));
    return /^tok:[\x21-\x7e]{16,}$/.test(decoded) && !EXAMPLE.test(decoded);
  } catch {
    return false;
  }
}

/** A name ending in client secret (client_secret, clientSecret, INTERCOM_CLIENT_SECRET, ClientSecret), then what gives it a value. */
const CLIENT_SECRET = /(?<![\w$])([$@:]?(?:[A-Za-z][\w$]*?[_-]?)?client[_-]?secret)(['"]?)\s*(:=|=>|:|=|,)\s*(?=[fFrRbBuU]?['"`])/iy;
const CLIENT_SECRET_WORD = /client[_-]?secret/gi;
const NAME_CHAR = /[\w$]/;

/**
 * CLIENT_SECRET's matches in order, as matchAll gives them, tried only from the start of the name around each
 * "client secret": tried at every position, the regex costs a lazy scan of every name in the file.
 */
export function* clientSecretNames(code: string): Generator<RegExpExecArray> {
  let from = 0;
  for (const hit of code.matchAll(CLIENT_SECRET_WORD)) {
    if (hit.index < from) continue;
    // The name before it: word characters, a `-` just before "client", a leading `$`, `@` or `:`.
    let start = hit.index;
    if (start > from && code[start - 1] === '-') start--;
    while (start > from && NAME_CHAR.test(code[start - 1])) start--;
    if (start > from && '@:'.includes(code[start - 1])) start--;
    for (let at = start; at <= hit.index; at++) {
      CLIENT_SECRET.lastIndex = at;
      const m = CLIENT_SECRET.exec(code);
      if (m) {
        yield m;
        from = at + m[0].length;
        break;
      }
    }
  }
}

const PLACEHOLDER = /your|xxx|example|sample|change|placeholder|dummy|fake|test|secret|redacted|replace|insert|here|todo|abcdef|123456|\.\.\.|\*\*/i;

/** Whether a client-secret value could be a real one rather than a placeholder. */
export function looksLikeClientSecret(value: string): boolean {
  return value.length >= 16 && value.length <= 200 && /^[A-Za-z0-9._~+/=-]+$/.test(value) && /\d/.test(value) && /[A-Za-z]/.test(value)
    && !/^[A-Z0-9_]+$/.test(value) && !PLACEHOLDER.test(value);
}

function severity(input: SecretInput): 'error' | 'warning' {
  return input.gitTracked ? 'error' : 'warning';
}

const TRACKED = ' Git tracks this file: once pushed, rotate it as well.';

function secretDiagnostic(input: SecretInput, code: DiagnosticCode, start: number, end: number, message: string, literal: LiteralSpan | undefined, envName: string): CodeDiagnostic {
  const fix = literal && envFix(input.text, input.lang, input.lines, literal, { start, end }, envName);
  return diagnostic(code, input.lines.range(start, end), severity(input), `${message}${input.gitTracked ? TRACKED : ''}`, fix ? [fix] : []);
}

/** The literal around [start, end), found from the nearest quote before it on its line in the code (none in a comment). */
function enclosingLiteral(input: SecretInput, start: number, end: number): LiteralSpan | undefined {
  const lineStart = input.lines.lineStart(input.lines.lineAt(start));
  for (let i = start - 1; i >= lineStart; i--) {
    if (input.code[i] === '"' || input.code[i] === "'" || input.code[i] === '`') {
      const literal = literalAt(input.text, i, input.lang);
      return literal && literal.end >= end ? literal : undefined;
    }
  }
  return undefined;
}

/** Lines either side of a client secret where "intercom" says whose it is. */
const OWNER_LINES = 10;

/** Other services an app holds OAuth client secrets for: named on the secret's line or the one above, the secret is theirs. */
const OTHER_PROVIDER =
  /github|gitlab|bitbucket|google|microsoft|azure|apple|facebook|twitter|linkedin|discord|slack|zoom|hubspot|salesforce|zendesk|freshdesk|helpscout|pipedrive|stripe|shopify|okta|auth0|atlassian|jira|notion|dropbox|twilio|mailchimp|xero|quickbooks/i;

function nearIntercom({ text, lines }: SecretInput, at: number): boolean {
  const line = lines.lineAt(at);
  // The secret's own line says whose it is, else the line above (`zendesk: {` over `client_secret: '…'`).
  for (const near of [line, line - 1]) {
    const said = near < 0 ? '' : text.slice(lines.lineStart(near), lines.lineEnd(near));
    if (/intercom/i.test(said)) break;
    if (OTHER_PROVIDER.test(said)) return false;
  }
  return /intercom/i.test(text.slice(lines.lineStart(line - OWNER_LINES), lines.lineEnd(Math.min(lines.lineCount - 1, line + OWNER_LINES))));
}

export function secretDiagnostics(input: SecretInput): CodeDiagnostic[] {
  const found: CodeDiagnostic[] = [];
  if (input.text.includes('dG9rO')) {
    for (const m of input.text.matchAll(TOKEN)) {
      if (!isAccessToken(m[0])) continue;
      const end = m.index + m[0].length;
      found.push(secretDiagnostic(input, 'intercom.secret-access-token', m.index, end,
        'An Intercom access token is written in the source: anyone who reads it can call the API as your app. Revoke it, and read it from the environment.',
        enclosingLiteral(input, m.index, end), 'INTERCOM_ACCESS_TOKEN'));
    }
  }
  if (input.inTestFile) return found;
  for (const m of clientSecretNames(input.code)) {
    const [all, , quote, operator] = m;
    // `f("client_secret", value)` gives the value to that name only when the name is a quoted key.
    if (operator === ',' && !quote) continue;
    const literal = literalAt(input.text, m.index + all.length, input.lang);
    if (!literal || !looksLikeClientSecret(literal.value) || !nearIntercom(input, m.index)) continue;
    found.push(secretDiagnostic(input, 'intercom.secret-client-secret', literal.open + 1, literal.end - 1,
      'A client secret is written in the source: with it anyone can sign webhooks and exchange OAuth codes as your app. Rotate it, and read it from the environment.',
      literal, 'INTERCOM_CLIENT_SECRET'));
  }
  return found;
}
