// Python 3 with requests. The body goes as `json=` written as a Python value, so requests encodes it
// and sets Content-Type itself (the header is listed too, for readers).
import { TOKEN_ENV_VAR, type PreparedRequest } from '../request';

/** JSON's string escapes are all valid in a Python string literal. */
const str = (text: string) => JSON.stringify(text);

function pythonLiteral(value: unknown, indent = ''): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${pythonLiteral(v, inner)}`).join(',\n')},\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${str(k)}: ${pythonLiteral(v, inner)}`).join(',\n')},\n${indent}}`;
}

export function pythonSnippet(request: PreparedRequest): string {
  const args = [
    `    ${str(request.method)},`,
    `    ${str(request.url)},`,
    '    headers={',
    `        "Authorization": "Bearer " + os.environ[${str(TOKEN_ENV_VAR)}],`,
    ...request.headers.map(([name, value]) => `        ${str(name)}: ${str(value)},`),
    '    },',
  ];
  if (request.body !== undefined) args.push(`    json=${pythonLiteral(JSON.parse(request.body), '    ')},`);
  return ['import os', '', 'import requests', '', 'response = requests.request(', ...args, ')', 'print(response.status_code, response.text)', ''].join('\n');
}
