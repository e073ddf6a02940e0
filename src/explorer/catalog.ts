// The API catalog: Intercom's REST operations per API version, extracted from its OpenAPI descriptions by
// scripts/catalog.mjs into catalog.json (structure only; MIT, see catalog.NOTICE). Loaded on first use by the
// explorer's lazy bundle, never at activation.
import type { HttpMethod } from '../scopes/operations';
import type { Permission } from './permission';

export type { Permission } from './permission';

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required: boolean;
}

export interface Operation {
  readonly method: HttpMethod;
  /** As the description writes it, e.g. /contacts/{contact_id}/tags. */
  readonly path: string;
  /** Empty for the few operations the descriptions leave unnamed. */
  readonly operationId: string;
  /** The first tag: the group in the explorer. */
  readonly tag: string;
  readonly parameters: readonly Parameter[];
  /** The request body's top-level fields (JSON), empty when it has none. */
  readonly bodyFields: readonly string[];
  /** Every version with exactly this operation (same path, parameters and body fields). */
  readonly versions: readonly string[];
  readonly permission: Permission;
  /** Intercom's reference page for the version asked for. */
  readonly docUrl: string;
}

export interface Catalog {
  /** Oldest first; `Preview` last. */
  readonly versions: readonly string[];
  /** The source repository and commit the catalog was extracted from. */
  readonly source: { readonly url: string; readonly commit: string };
  /** The operations of a version, in the description's order; empty for a version the catalog lacks. */
  operations(version: string): readonly Operation[];
}

type Row = [string, string, string, string, number, number, [string, string, number][], string[]];

/**
 * Intercom's reference pages live at …/docs/references/<version>/rest-api/api.intercom.io/<tag>/<operationId>,
 * lower-cased, spaces in the tag as hyphens; the Preview version's pages are under `unstable`. An unnamed
 * operation links to its tag's section.
 */
export function docUrl(version: string, tag: string, operationId: string): string {
  const folder = version === 'Preview' ? 'unstable' : version;
  const slug = (s: string) => encodeURIComponent(s.trim().toLowerCase().replace(/\s+/g, '-'));
  const page = operationId ? `/${slug(operationId)}` : '';
  return `https://developers.intercom.com/docs/references/${folder}/rest-api/api.intercom.io/${slug(tag)}${page}`;
}

let loaded: Catalog | undefined;

export function loadCatalog(): Catalog {
  loaded ??= parse();
  return loaded;
}

function parse(): Catalog {
  // Required here, not imported: dist/state.js holds the catalog and is loaded by features that never read it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const data = require('./catalog.json') as typeof import('./catalog.json');
  const versions: readonly string[] = data.versions;
  const rows = (data.operations as Row[]).map(([method, path, operationId, tag, mask, permission, parameters, bodyFields]) => ({
    method: method as HttpMethod, path, operationId, tag,
    parameters: parameters.map(([name, where, required]): Parameter => ({ name, in: where as Parameter['in'], required: required === 1 })),
    bodyFields,
    versions: versions.filter((_, i) => (mask & (1 << i)) !== 0),
    permission: data.permissions[permission] as Permission,
  }));
  const byVersion = new Map<string, readonly Operation[]>();
  return {
    versions,
    source: { url: data.source, commit: data.commit },
    operations(version) {
      let ops = byVersion.get(version);
      if (!ops) {
        ops = rows.filter((r) => r.versions.includes(version)).map((r) => ({ ...r, docUrl: docUrl(version, r.tag, r.operationId) }));
        byVersion.set(version, ops);
      }
      return ops;
    },
  };
}
