// A request file in the `.http` format that REST Client (VS Code) and the JetBrains HTTP client read:
// file variables for the host, the version and the token; the token variable reads the environment.
import { TOKEN_ENV_VAR, type PreparedRequest } from './request';

export interface HttpFileLabel {
  /** e.g. "createContact". */
  title: string;
  /** The API reference page, when known. */
  reference?: string;
}

/**
 * `{{` starts a variable in both clients, and they have no escape for it. Outside JSON strings the
 * pretty-printed body never has two braces in a row, so inside strings the second becomes `\u007b`:
 * the same JSON value, and no variable.
 */
const noVariables = (json: string) => json.replace(/\{\{/g, '{\\u007b');

export function httpFile(request: PreparedRequest, label: HttpFileLabel): string {
  const lines = [
    `# ${label.title.replace(/[\p{Cc}]/gu, ' ')}: ${request.method} ${request.target}`,
    ...(label.reference ? [`# ${label.reference}`] : []),
    `# Set ${TOKEN_ENV_VAR} in the environment VS Code runs in; this file never holds the token.`,
    `@host = ${request.apiBase}`,
    `@version = ${request.version}`,
    `@token = {{$processEnv ${TOKEN_ENV_VAR}}}`,
    '',
    `${request.method} {{host}}${request.target}`,
    'Authorization: Bearer {{token}}',
    ...request.headers.map(([name, value]) => `${name}: ${name === 'Intercom-Version' ? '{{version}}' : value}`),
  ];
  if (request.body !== undefined) lines.push('', noVariables(request.body));
  return `${lines.join('\n')}\n`;
}
