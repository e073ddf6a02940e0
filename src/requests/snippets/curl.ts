// curl for a POSIX shell: single quotes keep every character literal; the token header is the one
// double-quoted argument so the shell expands the environment variable.
import { shellQuote } from '../../shell/quote';
import { TOKEN_ENV_VAR, type PreparedRequest } from '../request';

export function curlSnippet(request: PreparedRequest): string {
  const args = [
    `curl --request ${request.method} --url ${shellQuote(request.url)}`,
    `--header "Authorization: Bearer $${TOKEN_ENV_VAR}"`,
    ...request.headers.map(([name, value]) => `--header ${shellQuote(`${name}: ${value}`)}`),
  ];
  if (request.body !== undefined) args.push(`--data ${shellQuote(request.body)}`);
  return `${args.join(' \\\n  ')}\n`;
}
