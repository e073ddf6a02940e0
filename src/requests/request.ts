// One API request, filled in and ready to write down as a request file or a snippet. Every writer
// reads the token from the environment variable below: no generated text ever carries the token.
export const TOKEN_ENV_VAR = 'INTERCOM_ACCESS_TOKEN';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestInput {
  method: HttpMethod;
  /** Path template as the API reference writes it, e.g. /contacts/{contact_id}/tags. */
  path: string;
  /** Values for the template's `{name}` slots. */
  pathParams?: Readonly<Record<string, string>>;
  /** Query parameters in order; empty values are sent as given. */
  query?: readonly (readonly [string, string])[];
  /** A JSON value sent as the body; undefined sends none. */
  body?: unknown;
  /** REST host of the workspace's region, e.g. https://api.eu.intercom.io. */
  apiBase: string;
  /** The Intercom-Version header. */
  version: string;
}

export interface PreparedRequest {
  method: HttpMethod;
  apiBase: string;
  version: string;
  /** Path and query, encoded, relative to apiBase. */
  target: string;
  /** apiBase + target. */
  url: string;
  /** Headers besides Authorization (each writer spells the token's header its own way). */
  headers: readonly (readonly [string, string])[];
  /** Pretty-printed JSON, or undefined. */
  body?: string;
}

/** Fills `{name}` slots, percent-encoded; a slot without a value is an error that names it. */
export function fillPath(template: string, values: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{([^{}]+)\}/g, (_slot, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') throw new Error(`The path parameter {${name}} needs a value.`);
    return encodeURIComponent(value);
  });
}

/** Control characters (a newline above all) would end a header or a request-file line early. */
const oneLine = (text: string) => text.replace(/[\p{Cc}]/gu, '').trim();

export function prepareRequest(input: RequestInput): PreparedRequest {
  const apiBase = oneLine(input.apiBase).replace(/\/+$/, '');
  const version = oneLine(input.version);
  const search = new URLSearchParams(input.query?.map(([k, v]) => [k, v])).toString();
  const target = fillPath(input.path, input.pathParams) + (search ? `?${search}` : '');
  const body = input.body === undefined ? undefined : JSON.stringify(input.body, null, 2);
  const headers: [string, string][] = [['Accept', 'application/json'], ['Intercom-Version', version]];
  if (body !== undefined) headers.push(['Content-Type', 'application/json']);
  return { method: input.method, apiBase, version, target, url: apiBase + target, headers, ...(body !== undefined && { body }) };
}

/** A write's body to fill in: each top-level field the reference lists, null until edited. */
export function bodyTemplate(fields: readonly string[]): Record<string, null> {
  return Object.fromEntries(fields.map((field) => [field, null]));
}
