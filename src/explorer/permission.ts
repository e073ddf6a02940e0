// The permission an API operation needs, as the scope mapping gives it. Shared by the catalog generator
// (scripts/catalog.mjs stores it) and the test that checks the stored catalog still agrees with the mapping.
import { matchOperation, type HttpMethod } from '../scopes/operations';

/** Developer Hub permissions (any one suffices), `none` for OAuth endpoints, `unknown` when Intercom documents none. */
export type Permission = readonly string[] | 'none' | 'unknown';

export function operationPermission(method: HttpMethod, path: string): Permission {
  const rules = matchOperation({ method, path });
  if (rules.some((r) => r.evidence === 'no-scope')) return 'none';
  const labels = [...new Set(rules.flatMap((r) => r.anyOf))];
  return labels.length > 0 ? labels : 'unknown';
}
