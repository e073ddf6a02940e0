// Go with net/http, a whole `package main` that `go run` accepts. The body is a raw string literal
// when it holds no backquote, otherwise an interpreted one.
import { TOKEN_ENV_VAR, type PreparedRequest } from '../request';

/** JSON's escapes are valid in a Go string, except \u of a lone surrogate: those become U+FFFD first. */
const goQuote = (text: string): string => JSON.stringify(text.replace(/\p{Surrogate}/gu, '\uFFFD'));

const goBody = (body: string) => (body.includes('`') ? goQuote(body) : `\`${body}\``);

export function goSnippet(request: PreparedRequest): string {
  const imports = ['"fmt"', '"io"', '"net/http"', '"os"', ...(request.body !== undefined ? ['"strings"'] : [])];
  const body = request.body === undefined ? 'nil' : `strings.NewReader(${goBody(request.body)})`;
  return [
    'package main',
    '',
    'import (',
    ...imports.map((i) => `\t${i}`),
    ')',
    '',
    'func main() {',
    `\treq, err := http.NewRequest(${goQuote(request.method)}, ${goQuote(request.url)}, ${body})`,
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    `\treq.Header.Set("Authorization", "Bearer "+os.Getenv(${goQuote(TOKEN_ENV_VAR)}))`,
    ...request.headers.map(([name, value]) => `\treq.Header.Set(${goQuote(name)}, ${goQuote(value)})`),
    '\tres, err := http.DefaultClient.Do(req)',
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    '\tdefer res.Body.Close()',
    '\tout, err := io.ReadAll(res.Body)',
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    '\tfmt.Println(res.Status)',
    '\tfmt.Println(string(out))',
    '}',
    '',
  ].join('\n');
}
