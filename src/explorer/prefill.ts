// A request prefilled from the code (a hover's or CodeLens's command link): the catalog operation it names
// and the values the code writes. The link's arguments come back as JSON from a command call anyone may
// make, so every field is checked before it is used.
import type { Catalog, Operation } from './catalog';

/** A request prefilled from a call in the code: the catalog's operation in a version, and the values the code writes. */
export interface RequestPrefill {
  readonly version: string;
  readonly method: string;
  /** The catalog's path template in that version. */
  readonly path: string;
  readonly operationId: string;
  readonly pathValues: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
}

export interface PrefilledValues {
  readonly path: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
}

export interface Prefilled {
  readonly operation: Operation;
  readonly version: string;
  readonly values: PrefilledValues;
}

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

function isPrefill(arg: unknown): arg is RequestPrefill {
  const p = arg as Partial<RequestPrefill> | undefined;
  return typeof p === 'object' && p !== null && ['version', 'method', 'path', 'operationId'].every((k) => typeof p[k as keyof RequestPrefill] === 'string')
    && isStringRecord(p.pathValues) && isStringRecord(p.query);
}

/** The operation and values of a prefill; undefined for anything else, or an operation the catalog lacks. */
export function prefilled(catalog: Catalog, arg: unknown): Prefilled | undefined {
  if (!isPrefill(arg)) return undefined;
  const operation = catalog.operations(arg.version).find((o) => o.method === arg.method && o.path === arg.path && o.operationId === arg.operationId);
  return operation && { operation, version: arg.version, values: { path: arg.pathValues, query: arg.query } };
}
