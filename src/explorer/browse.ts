// What the API view lists: a version's operations grouped by tag, narrowed by the filter text, and each
// operation's label, permission text and the mark for the connected token's scope check.
import type { Operation, Permission } from './catalog';

export interface TagGroup {
  readonly tag: string;
  readonly operations: readonly Operation[];
}

/** Every word of the filter must appear in the method, path, operationId, tag or permission (any case). */
export function matchesFilter(op: Operation, filter: string): boolean {
  const haystack = [op.method, op.path, op.operationId, op.tag, ...(Array.isArray(op.permission) ? op.permission : [])].join(' ').toLowerCase();
  return filter.toLowerCase().split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}

/** Tags in alphabetical order; operations in the description's order; empty tags left out. */
export function groupByTag(operations: readonly Operation[], filter = ''): TagGroup[] {
  const groups = new Map<string, Operation[]>();
  for (const op of operations.filter((o) => matchesFilter(o, filter))) {
    const tag = op.tag || 'Other';
    groups.set(tag, [...(groups.get(tag) ?? []), op]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([tag, ops]) => ({ tag, operations: ops }));
}

/** "listSegmentsForAContact" → "List segments for a contact"; an unnamed operation is its method and path. */
export function operationLabel(op: Pick<Operation, 'operationId' | 'method' | 'path'>): string {
  if (!op.operationId) return `${op.method} ${op.path}`;
  const words = op.operationId.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type PermissionStatus = 'granted' | 'missing';

/** The stored scope check of a session: Developer Hub label → whether its probe found it granted or missing. */
export type CheckResults = Readonly<Record<string, PermissionStatus>>;

/**
 * ✓ when the check found any of the operation's permissions granted, ✗ when it found every one of them
 * missing, nothing otherwise (no check, a permission it could not check, or none needed).
 */
export function permissionMark(permission: Permission, results: CheckResults | undefined): PermissionStatus | undefined {
  if (!results || !Array.isArray(permission) || permission.length === 0) return undefined;
  if (permission.some((label) => results[label] === 'granted')) return 'granted';
  return permission.every((label) => results[label] === 'missing') ? 'missing' : undefined;
}
