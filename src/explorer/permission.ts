// The permission an API operation needs, as the scope mapping gives it. Shared by the catalog generator
// (scripts/catalog.mjs stores it), the test that checks the stored catalog still agrees with the mapping,
// and the code analysis (which has the scanner's rules for a call, its query included).
import { matchOperation, type HttpMethod, type OperationRule } from '../scopes/operations';

/** Developer Hub permissions (any one suffices), `none` for OAuth endpoints, `unknown` when Intercom documents none. */
export type Permission = readonly string[] | 'none' | 'unknown';

/**
 * The permission of each list of rules lately asked for: matchOperation gives the same frozen list for an operation
 * every time, and the code analysis asks for every call of a document after each edit.
 */
const PERMISSIONS = new WeakMap<readonly OperationRule[], Permission>();

/** The permission the matching rules of an operation give. */
export function rulesPermission(rules: readonly OperationRule[]): Permission {
  let permission = PERMISSIONS.get(rules);
  if (permission === undefined) {
    const labels = [...new Set(rules.flatMap((r) => r.anyOf))];
    permission = rules.some((r) => r.evidence === 'no-scope') ? 'none' : labels.length > 0 ? Object.freeze(labels) : 'unknown';
    PERMISSIONS.set(rules, permission);
  }
  return permission;
}

export function operationPermission(method: HttpMethod, path: string): Permission {
  return rulesPermission(matchOperation({ method, path }));
}
