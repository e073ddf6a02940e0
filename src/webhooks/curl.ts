// "Copy as curl": reproduces a delivery from a shell. The secret is read from an environment variable and
// the signature computed by openssl in the shell, so the secret never appears in the command.
import { shellQuote } from '../shell/quote';

export const SECRET_ENV_VAR = 'INTERCOM_CLIENT_SECRET';

export interface CurlInput {
  url: string;
  body: string;
  /** Headers to repeat (signature and hop-by-hop headers are left out). */
  headers: Readonly<Record<string, string>>;
}

const SKIPPED = new Set(['x-hub-signature', 'host', 'content-length', 'connection', 'transfer-encoding', 'accept-encoding']);

export function curlForDelivery({ url, body, headers }: CurlInput): string {
  const kept = Object.entries(headers).filter(([name]) => !SKIPPED.has(name.toLowerCase()));
  return [
    `: "\${${SECRET_ENV_VAR}:?set ${SECRET_ENV_VAR} to the client secret of your app first}"`,
    `BODY=${shellQuote(body)}`,
    `SIG=$(printf '%s' "$BODY" | openssl dgst -sha1 -hmac "$${SECRET_ENV_VAR}" | sed 's/^.* //')`,
    [
      `curl -sS -X POST ${shellQuote(url)}`,
      ...kept.map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`),
      `-H "X-Hub-Signature: sha1=$SIG"`,
      `--data-binary "$BODY"`,
    ].join(' \\\n  '),
    '',
  ].join('\n');
}
