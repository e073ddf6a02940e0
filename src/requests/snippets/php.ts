// PHP with the curl extension. Single-quoted strings interpolate nothing; only the backslash and the
// quote need escaping.
import { TOKEN_ENV_VAR, type PreparedRequest } from '../request';

const phpQuote = (text: string): string => `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;

export function phpSnippet(request: PreparedRequest): string {
  const options = [
    `    CURLOPT_CUSTOMREQUEST => ${phpQuote(request.method)},`,
    '    CURLOPT_HTTPHEADER => [',
    `        'Authorization: Bearer ' . getenv(${phpQuote(TOKEN_ENV_VAR)}),`,
    ...request.headers.map(([name, value]) => `        ${phpQuote(`${name}: ${value}`)},`),
    '    ],',
  ];
  if (request.body !== undefined) options.push(`    CURLOPT_POSTFIELDS => ${phpQuote(request.body)},`);
  options.push('    CURLOPT_RETURNTRANSFER => true,');
  return [
    '<?php',
    '',
    `$ch = curl_init(${phpQuote(request.url)});`,
    'curl_setopt_array($ch, [',
    ...options,
    ']);',
    '$response = curl_exec($ch);',
    'echo curl_getinfo($ch, CURLINFO_HTTP_CODE), "\\n", $response, "\\n";',
    'curl_close($ch);',
    '',
  ].join('\n');
}
