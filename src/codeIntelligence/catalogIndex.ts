// The API catalog looked up by what the scanner finds: a method and a normalized path (`{id}` slots).
// Operations are matched across versions by operationKey (slots by position), as the version
// comparison does, and an operation that changed path keeps its operationId.
import type { Catalog, Operation } from '../explorer/catalog';
import { operationKey } from '../versions/diff';

/** One operation (method and path shape) across the catalog's versions. */
export interface CatalogEntry {
  readonly key: string;
  /** The versions that have it, oldest first, `Preview` last. */
  readonly versions: readonly string[];
  /** Its definition in each version that has it. */
  readonly byVersion: ReadonlyMap<string, Operation>;
}

const slot = (segment: string): boolean => segment.startsWith('{');

interface Shape {
  readonly key: string;
  /** The path's segments, `{}` for a slot. */
  readonly segments: readonly string[];
  readonly literals: number;
}

export class CatalogIndex {
  private readonly entries = new Map<string, { versions: string[]; byVersion: Map<string, Operation> }>();
  /** "METHOD segment-count" → the keys of that shape, split once: the loose match reads only these. */
  private readonly shapes = new Map<string, Shape[]>();
  /** Per version: "METHOD operationId" → the operation, to follow an operation that changed path. */
  private readonly byId = new Map<string, Map<string, Operation>>();

  constructor(readonly catalog: Catalog) {
    for (const version of catalog.versions) {
      const ids = new Map<string, Operation>();
      this.byId.set(version, ids);
      for (const op of catalog.operations(version)) {
        const key = operationKey(op);
        let entry = this.entries.get(key);
        if (!entry) this.entries.set(key, (entry = { versions: [], byVersion: new Map() }));
        if (!entry.byVersion.has(version)) {
          entry.versions.push(version);
          entry.byVersion.set(version, op);
        }
        if (op.operationId) ids.set(`${op.method} ${op.operationId}`, op);
      }
    }
    for (const key of this.entries.keys()) {
      const [method, path] = key.split(' ');
      const segments = path.split('/').slice(1);
      const group = `${method} ${segments.length}`;
      this.shapes.set(group, [...(this.shapes.get(group) ?? []), { key, segments, literals: segments.filter((p) => !slot(p)).length }]);
    }
  }

  /**
   * The catalog's operation for a scanned one: the same key, else the one whose literal segments match
   * most (a catalog slot takes any segment: `/conversations/last/reply`). A slot in the code never
   * matches a literal segment: what the code interpolates there is unknown.
   */
  find(op: { readonly method: string; readonly path: string }): CatalogEntry | undefined {
    const key = operationKey(op);
    const exact = this.entries.get(key);
    if (exact) return { key, ...exact };
    const segments = op.path.split('/').slice(1);
    let best: Shape | undefined;
    for (const shape of this.shapes.get(`${op.method} ${segments.length}`) ?? []) {
      if (shape.literals > (best?.literals ?? -1) && shape.segments.every((p, i) => slot(p) || p === segments[i])) best = shape;
    }
    return best && { key: best.key, ...this.entries.get(best.key)! };
  }

  /** The operation with the same method and operationId in `version`, wherever its path is. */
  sameOperationIn(entry: CatalogEntry, version: string): Operation | undefined {
    const ids = this.byId.get(version);
    for (const op of entry.byVersion.values()) {
      const found = op.operationId ? ids?.get(`${op.method} ${op.operationId}`) : undefined;
      if (found) return found;
    }
    return undefined;
  }
}

const indexes = new WeakMap<Catalog, CatalogIndex>();

/** One index per catalog, built on first use. */
export function catalogIndex(catalog: Catalog): CatalogIndex {
  let index = indexes.get(catalog);
  if (!index) indexes.set(catalog, (index = new CatalogIndex(catalog)));
  return index;
}

/** "2.7–2.9, 2.14–Preview": runs of consecutive versions (in the catalog's order) as ranges. */
export function versionRanges(versions: readonly string[], all: readonly string[]): string {
  const runs: string[][] = [];
  let previous = -2;
  for (const version of versions) {
    const at = all.indexOf(version);
    if (at === previous + 1 && runs.length > 0) runs[runs.length - 1].push(version);
    else runs.push([version]);
    previous = at;
  }
  return runs.map((run) => (run.length === 1 ? run[0] : `${run[0]}–${run[run.length - 1]}`)).join(', ');
}
