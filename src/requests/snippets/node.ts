// Node 18+ (global fetch), as an ES module (top-level await: save it as .mjs). The body is written
// as a JavaScript value so it reads and edits like the JSON it sends.
import { TOKEN_ENV_VAR, type PreparedRequest } from '../request';

const str = (text: string) => JSON.stringify(text);

/** A JSON value as a JavaScript literal. `__proto__` as a plain key would set the prototype, so it is computed. */
function jsLiteral(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${jsLiteral(v, inner)}`).join(',\n')},\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const key = (k: string) => (k === '__proto__' ? `[${str(k)}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? k : str(k));
  return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${jsLiteral(v, inner)}`).join(',\n')},\n${indent}}`;
}

export function nodeSnippet(request: PreparedRequest): string {
  const headers = [
    `    "Authorization": \`Bearer \${process.env.${TOKEN_ENV_VAR}}\`,`,
    ...request.headers.map(([name, value]) => `    ${str(name)}: ${str(value)},`),
  ];
  const options = [`  method: ${str(request.method)},`, '  headers: {', ...headers, '  },'];
  if (request.body !== undefined) options.push(`  body: JSON.stringify(${jsLiteral(JSON.parse(request.body), '  ')}),`);
  return [
    `const response = await fetch(${str(request.url)}, {`,
    ...options,
    '});',
    'console.log(response.status, await response.text());',
    '',
  ].join('\n');
}
