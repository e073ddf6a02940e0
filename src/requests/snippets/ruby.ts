// Ruby with the standard library's Net::HTTP. Single-quoted strings interpolate nothing; only the
// backslash and the quote need escaping.
import { TOKEN_ENV_VAR, type PreparedRequest } from '../request';

const rubyQuote = (text: string): string => `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;

const CLASS: Record<PreparedRequest['method'], string> = { GET: 'Get', POST: 'Post', PUT: 'Put', PATCH: 'Patch', DELETE: 'Delete' };

export function rubySnippet(request: PreparedRequest): string {
  const lines = [
    "require 'net/http'",
    "require 'uri'",
    '',
    `uri = URI(${rubyQuote(request.url)})`,
    `request = Net::HTTP::${CLASS[request.method]}.new(uri)`,
    `request['Authorization'] = "Bearer #{ENV.fetch(${rubyQuote(TOKEN_ENV_VAR)})}"`,
    ...request.headers.map(([name, value]) => `request[${rubyQuote(name)}] = ${rubyQuote(value)}`),
  ];
  if (request.body !== undefined) lines.push(`request.body = ${rubyQuote(request.body)}`);
  lines.push(
    '',
    "response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == 'https') do |http|",
    '  http.request(request)',
    'end',
    'puts response.code, response.body',
    '',
  );
  return lines.join('\n');
}
