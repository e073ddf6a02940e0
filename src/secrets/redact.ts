// The one redaction step before every sink (the log, notifications, tree items, generated files).
// It removes the codes, tokens and client secrets this window has seen, whatever form a server echoes
// them in, and anything shaped like a bearer token. Sinks call redact(); the places where a secret
// becomes known (the HTTP client, stored sessions) call remember().

export const REDACTED = '[redacted]';

/** What the places that learn a secret need: dist/http.js gets the window's one instance through its options. */
export interface KnownSecrets {
  remember(...secrets: (string | undefined)[]): void;
}

/** Shorter strings are not credentials, and replacing them would garble ordinary text. */
const MIN_SECRET_LENGTH = 8;

/** An Authorization header's value, wherever it is repeated. */
const AUTH_VALUE = /\b(Bearer|Basic)\s+[^\s"',;)]+/gi;

/**
 * A run of 32 or more base64/base64url characters with optional padding: Intercom's "dG9rOj…=" tokens and
 * most API keys. '/' and '.' end a run, so paths are short runs; long identifiers rarely mix both cases
 * with several digits the way random tokens do.
 */
const LONG_RUN = /[A-Za-z0-9+_-]{32,}={0,2}/g;
const looksRandom = (run: string) => /[a-z]/.test(run) && /[A-Z]/.test(run) && (run.match(/\d/g)?.length ?? 0) >= 2;

export class Redactor implements KnownSecrets {
  /** Longest first, so a secret that contains another is removed whole. */
  private known: string[] = [];

  remember(...secrets: (string | undefined)[]): void {
    const forms = secrets
      .filter((s): s is string => s !== undefined && s.length >= MIN_SECRET_LENGTH)
      // As sent in a form body or a URL, and as a server may echo it back.
      .flatMap((s) => [s, encodeURIComponent(s), new URLSearchParams({ s }).toString().slice(2)]);
    this.known = [...new Set([...this.known, ...forms])].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.known) out = out.replaceAll(secret, REDACTED);
    return out.replace(AUTH_VALUE, `$1 ${REDACTED}`).replace(LONG_RUN, (run) => (looksRandom(run) ? REDACTED : run));
  }
}
