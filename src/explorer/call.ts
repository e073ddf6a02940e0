// Building the explorer's calls: path parameters, the body template, the next page of a list.
import { isDotSegment, type ApiCall, type HttpMethod } from '../api/call';

/** POST, PUT, PATCH and DELETE change data in the workspace. */
export const isWrite = (method: HttpMethod): boolean => method !== 'GET';

/** Why a path parameter's value cannot be sent: none given, or "." or ".." (%2e too), which would move up the path. */
export function pathValueProblem(value: string): 'missing' | 'dotSegment' | undefined {
  if (value === '') return 'missing';
  return isDotSegment(value) ? 'dotSegment' : undefined;
}

/** Fills `{name}` slots, each value URL-encoded as one path segment. Throws on a value pathValueProblem refuses. */
export function fillPath(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name] ?? '';
    const problem = pathValueProblem(value);
    if (problem === 'missing') throw new Error(`no value for the path parameter ${name}`);
    if (problem === 'dotSegment') throw new Error(`the path parameter ${name} cannot be "${value}": it would move up the path`);
    return encodeURIComponent(value);
  });
}

/** "/contacts?per_page=2": the path and query as sent (the query in URLSearchParams' encoding). */
export function callTarget(call: Pick<ApiCall, 'path' | 'query'>): string {
  const query = new URLSearchParams(call.query).toString();
  return query ? `${call.path}?${query}` : call.path;
}

/** A JSON object with each top-level body field set to null, for the person to fill in. */
export function bodyTemplate(fields: readonly string[]): string {
  return `${JSON.stringify(Object.fromEntries(fields.map((f) => [f, null])), null, 2)}\n`;
}

/**
 * The name of a write's body document, after its request: "POST contacts — body.json". Only characters
 * every file system and tab accept; the path's slashes become spaces.
 */
export function bodyDocumentName(call: Pick<ApiCall, 'method' | 'path'>): string {
  const target = `${call.method} ${call.path.slice(1).replace(/\//g, ' ')}`.replace(/[^\w {}.-]/g, '_');
  return `${target} — body.json`;
}

/** Intercom's cursor pagination: `pages.next.starting_after` of a list answer. */
export function nextCursor(body: unknown): string | undefined {
  const next = (body as { pages?: { next?: { starting_after?: unknown } | null } } | null)?.pages?.next;
  return typeof next?.starting_after === 'string' && next.starting_after ? next.starting_after : undefined;
}

/** The same call for the next page, or undefined when the answer has none. */
export function nextPageCall(call: ApiCall, body: unknown): ApiCall | undefined {
  const cursor = nextCursor(body);
  return cursor ? { ...call, query: { ...call.query, starting_after: cursor } } : undefined;
}
