// Masks credentials in the code snippets the checklist cites, so a hard-coded token is never copied
// into INTERCOM_SCOPES.md: values after an auth scheme, Authorization header values, and long strings
// that look like base64 tokens. Interpolations (`${token}`) are code, not secrets, and stay. Masking
// keeps the text's length (the snippet is cut after masking); shortenMasks then folds each mask.

const DOT = '•';
const mask = (secret: string): string => DOT.repeat(secret.length);

const CREDENTIAL = '[A-Za-z0-9._~+/-]{8,}=*';
const AFTER_SCHEME = new RegExp(`\\b(Bearer|Basic|Token)(\\s+)${CREDENTIAL}`, 'gi');
const AUTHORIZATION_VALUE = /(authorization['"]?\s*(?::|=>|=|,)\s*[fFrRbBuU]?(['"`]))([^'"`\n]*)/gi;
/** A credential-like run not inside an interpolation or a member chain. */
const BARE_CREDENTIAL = new RegExp(`(?<![{$\\w.])${CREDENTIAL}`, 'g');
/** From the start of a run only (each match takes a whole run): tried inside every run, the regex is quadratic in its length. */
const LONG_TOKEN = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{32,}={0,2}/g;
const looksRandom = (run: string): boolean => /\d/.test(run) && /[a-z]/.test(run) && /[A-Z]/.test(run);

/** The text with every secret's characters replaced by dots, same length. */
export function maskSecrets(text: string): string {
  return text
    .replace(AUTHORIZATION_VALUE, (_all, head: string, _quote: string, value: string) => head + value.replace(BARE_CREDENTIAL, mask))
    .replace(AFTER_SCHEME, (all: string, scheme: string, space: string) => `${scheme}${space}${mask(all.slice(scheme.length + space.length))}`)
    .replace(LONG_TOKEN, (run) => (looksRandom(run) ? mask(run) : run));
}

/** Each run of mask dots as six dots, so a snippet does not show a secret's length either. */
export const shortenMasks = (text: string): string => text.replace(/•{2,}/g, DOT.repeat(6));
