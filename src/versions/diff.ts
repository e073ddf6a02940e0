// What changes between two API versions, operation by operation. Path templates are compared by
// slot position ({id} and {contact_id} are the same slot), so renaming a slot is no change.
import type { Operation } from '../explorer/catalog';

export type DiffOperation = Pick<Operation, 'method' | 'path' | 'operationId' | 'parameters' | 'bodyFields'>;

/** "GET /contacts/{}/tags": the key two versions' operations are matched on. */
export const operationKey = (op: { method: string; path: string }): string => `${op.method} ${op.path.replace(/\{[^{}]*\}/g, '{}')}`;

export interface ParameterChange {
  readonly kind: 'added' | 'removed' | 'now required' | 'now optional';
  /** `query`, or `body` for a top-level body field. Path slots are compared by position, never by name. */
  readonly where: 'query' | 'body';
  readonly name: string;
}

export interface ChangedOperation {
  readonly before: DiffOperation;
  readonly after: DiffOperation;
  /** Empty when only the path changed (a rename). */
  readonly changes: readonly ParameterChange[];
}

export interface VersionDiff {
  readonly added: readonly DiffOperation[];
  readonly removed: readonly DiffOperation[];
  /** Same operationId and method, another path. */
  readonly renamed: readonly ChangedOperation[];
  /** Same operation, other query parameters or body fields. */
  readonly changed: readonly ChangedOperation[];
}

function parameterChanges(before: DiffOperation, after: DiffOperation): ParameterChange[] {
  const changes: ParameterChange[] = [];
  const query = (op: DiffOperation) => new Map(op.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.required]));
  const [a, b] = [query(before), query(after)];
  for (const [name, required] of b) {
    if (!a.has(name)) changes.push({ kind: 'added', where: 'query', name });
    else if (a.get(name) !== required) changes.push({ kind: required ? 'now required' : 'now optional', where: 'query', name });
  }
  for (const name of a.keys()) if (!b.has(name)) changes.push({ kind: 'removed', where: 'query', name });
  const [fa, fb] = [new Set(before.bodyFields), new Set(after.bodyFields)];
  for (const name of fb) if (!fa.has(name)) changes.push({ kind: 'added', where: 'body', name });
  for (const name of fa) if (!fb.has(name)) changes.push({ kind: 'removed', where: 'body', name });
  return changes;
}

export function diffVersions(from: readonly DiffOperation[], to: readonly DiffOperation[]): VersionDiff {
  const before = new Map(from.map((op) => [operationKey(op), op]));
  const after = new Map(to.map((op) => [operationKey(op), op]));
  const changed: ChangedOperation[] = [];
  for (const [key, op] of after) {
    const old = before.get(key);
    const changes = old ? parameterChanges(old, op) : [];
    if (old && changes.length > 0) changed.push({ before: old, after: op, changes });
  }
  const gone = [...before].filter(([key]) => !after.has(key)).map(([, op]) => op);
  const fresh = [...after].filter(([key]) => !before.has(key)).map(([, op]) => op);
  const renamed: ChangedOperation[] = [];
  for (const old of gone) {
    const match = old.operationId ? fresh.find((op) => op.operationId === old.operationId && op.method === old.method) : undefined;
    if (match) renamed.push({ before: old, after: match, changes: parameterChanges(old, match) });
  }
  const renamedBefore = new Set(renamed.map((r) => r.before));
  const renamedAfter = new Set(renamed.map((r) => r.after));
  return {
    added: fresh.filter((op) => !renamedAfter.has(op)),
    removed: gone.filter((op) => !renamedBefore.has(op)),
    renamed,
    changed,
  };
}

/** What happened to one operation (by key) from A to B. */
export type OperationFate =
  | { readonly kind: 'unchanged' | 'added' | 'removed' | 'unknown' }
  | { readonly kind: 'changed'; readonly change: ChangedOperation }
  /** `toNewPath`: the key is A's path (code that still calls the old one); otherwise B's. */
  | { readonly kind: 'renamed'; readonly change: ChangedOperation; readonly toNewPath: boolean };

export function fateOf(key: string, diff: VersionDiff, inFrom: boolean): OperationFate {
  const renamed = diff.renamed.find((r) => operationKey(r.before) === key || operationKey(r.after) === key);
  if (renamed) return { kind: 'renamed', change: renamed, toNewPath: operationKey(renamed.before) === key };
  const changed = diff.changed.find((c) => operationKey(c.after) === key);
  if (changed) return { kind: 'changed', change: changed };
  if (diff.removed.some((op) => operationKey(op) === key)) return { kind: 'removed' };
  if (diff.added.some((op) => operationKey(op) === key)) return { kind: 'added' };
  return { kind: inFrom ? 'unchanged' : 'unknown' };
}
