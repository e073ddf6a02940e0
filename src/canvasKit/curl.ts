// "Copy as curl" for a timeline entry: the exact body, passed with --data-raw (curl reads nothing into it,
// not even a leading @), signed in the shell by openssl with the secret from the environment, so the
// secret is never in the command.
import { shellQuote } from '../shell/quote';
import { SECRET_ENV_VAR } from '../webhooks/curl';
import type { CanvasKitRequest } from './requests';
import { SIGNATURE_HEADER } from './signing';

export function curlForCanvasRequest({ url, body, contentType, signed }: Pick<CanvasKitRequest, 'url' | 'body' | 'contentType' | 'signed'>): string {
  const curl = [
    `curl -sS -X POST ${shellQuote(url)}`,
    `-H ${shellQuote(`Content-Type: ${contentType}`)}`,
    ...(signed ? [`-H "${SIGNATURE_HEADER}: $SIG"`] : []),
    '--data-raw "$BODY"',
  ].join(' \\\n  ');
  return [
    ...(signed ? [`: "\${${SECRET_ENV_VAR}:?set ${SECRET_ENV_VAR} to the client secret of your app first}"`] : []),
    `BODY=${shellQuote(body)}`,
    ...(signed ? [`SIG=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$${SECRET_ENV_VAR}" | sed 's/^.* //')`] : []),
    curl,
    '',
  ].join('\n');
}
