// "Copy as curl": reproduces a delivery from a shell. The secret is read from an environment variable and
// the signature computed by openssl in the shell, so the secret never appears in the command.
import { shellQuote } from '../shell/quote';
import { notificationHeaders } from './forwarder';
import { SIGNATURE_HEADER } from './signature';

export const SECRET_ENV_VAR = 'INTERCOM_CLIENT_SECRET';

export interface CurlInput {
  url: string;
  body: string;
  /** The delivery's headers: its notification headers are repeated, the signature computed anew. */
  headers: Readonly<Record<string, string>>;
}

export function curlForDelivery({ url, body, headers }: CurlInput): string {
  const kept = Object.entries(notificationHeaders(headers)).filter(([name]) => name.toLowerCase() !== SIGNATURE_HEADER);
  return [
    `: "\${${SECRET_ENV_VAR}:?set ${SECRET_ENV_VAR} to the client secret of your app first}"`,
    `BODY=${shellQuote(body)}`,
    `SIG=$(printf '%s' "$BODY" | openssl dgst -sha1 -hmac "$${SECRET_ENV_VAR}" | sed 's/^.* //')`,
    [
      `curl -sS -X POST ${shellQuote(url)}`,
      ...kept.map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`),
      `-H "X-Hub-Signature: sha1=$SIG"`,
      `--data-raw "$BODY"`, // not --data-binary: it reads a body starting with @ as a file to upload
    ].join(' \\\n  '),
    '',
  ].join('\n');
}
