// One API call written down as a request file or a snippet: the explorer's call (path filled, query,
// JSON body) plus the host and version. Every writer reads the token from the environment variable
// below: no generated text ever carries the token.
import type { ApiCall, HttpMethod } from '../api/call';
import { callTarget } from '../explorer/call';

export const TOKEN_ENV_VAR = 'INTERCOM_ACCESS_TOKEN';

export interface RequestInput {
  readonly call: ApiCall;
  /** REST host of the workspace's region, e.g. https://api.eu.intercom.io. */
  readonly apiBase: string;
  /** The Intercom-Version header. */
  readonly version: string;
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

/** Control characters (a newline above all) would end a header or a request-file line early. */
const oneLine = (text: string) => text.replace(/[\p{Cc}]/gu, '').trim();

export function prepareRequest({ call, apiBase, version }: RequestInput): PreparedRequest {
  const base = oneLine(apiBase).replace(/\/+$/, '');
  const target = callTarget(call);
  const body = call.body === undefined ? undefined : JSON.stringify(call.body, null, 2);
  const headers: [string, string][] = [['Accept', 'application/json'], ['Intercom-Version', oneLine(version)]];
  if (body !== undefined) headers.push(['Content-Type', 'application/json']);
  return { method: call.method, apiBase: base, version: oneLine(version), target, url: base + target, headers, ...(body !== undefined && { body }) };
}
