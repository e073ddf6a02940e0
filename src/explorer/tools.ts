// The answers of the language-model tools, as plain data: what the connected workspace is, which
// operations match a search, and which catalog GET a requested path is.
import { REGION_NAMES } from '../api/hosts';
import type { IntercomSession } from '../session/model';
import { matchesFilter } from './browse';
import { isSendablePath, type ApiCall } from '../api/call';
import type { Operation } from './catalog';

/** The /me facts of a session; never its token. */
export function workspaceFacts(session: IntercomSession, version: string): object {
  const { me } = session;
  return {
    workspace: { name: me.app?.name ?? null, idCode: me.app?.id_code ?? null, region: me.app?.region ?? (session.region ? REGION_NAMES[session.region] : null), timezone: me.app?.timezone ?? null },
    admin: { id: me.id, name: me.name, email: me.email, emailVerified: me.email_verified },
    apiHost: new URL(session.apiBase).host,
    intercomVersion: version,
    tokenKind: session.kind,
    readAt: session.meFetchedAt,
  };
}

export const FIND_LIMIT = 20;

/** Catalog operations matching every word of the query, as the tool returns them. */
export function findOperations(operations: readonly Operation[], query: string): object[] {
  return operations.filter((op) => matchesFilter(op, query)).slice(0, FIND_LIMIT).map((op) => ({
    method: op.method, path: op.path, operationId: op.operationId, tag: op.tag, permission: op.permission,
    parameters: op.parameters, bodyFields: op.bodyFields, reference: op.docUrl,
  }));
}

const segmentsMatch = (template: string, path: string) => {
  const t = template.split('/');
  const p = path.split('/');
  return t.length === p.length && t.every((s, i) => (s.startsWith('{') ? p[i] !== '' : s === p[i]));
};

/**
 * "/contacts?per_page=2" → the GET call and the catalog operation it is, or the reason it is refused:
 * only a relative path of a documented GET operation of the version is sent.
 */
export function catalogGet(operations: readonly Operation[], target: string): { call: ApiCall; operation: Operation } | { refused: string } {
  const [path] = target.split('?', 1);
  if (!isSendablePath(path) || path.startsWith('//') || /[\s\p{Cc}#]/u.test(target)) {
    return { refused: `"${target}" is not an API path: give a path such as /contacts?per_page=5.` };
  }
  const url = new URL(target, 'https://api.invalid');
  const operation = operations.find((op) => op.method === 'GET' && segmentsMatch(op.path, url.pathname));
  if (!operation) return { refused: `GET ${url.pathname} is not a GET operation of this API version; find one with intercom_find_operation.` };
  return { call: { method: 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams) }, operation };
}
