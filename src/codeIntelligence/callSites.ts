// The Intercom calls in one document: the scanner's REST and SDK findings, placed as ranges and told
// what the catalog knows of them (operationId, the versions that have them, the reference page), the
// permission they need in the Developer Hub's words, and the values the code writes out.
import type { Operation } from '../explorer/catalog';
import { rulesPermission, type Permission } from '../explorer/permission';
import type { Located, RequestFinding } from '../scopes/finding';
import { HOLE, type Operation as ScannedOperation } from '../scopes/operations';
import { operationKey } from '../versions/diff';
import type { Language } from '../scopes/source';
import { callExtent, type LiteralSpan } from './callRange';
import type { CatalogEntry, CatalogIndex } from './catalogIndex';
import type { LineIndex } from './lines';
import { sdkValues, urlValues, type LiteralValues } from './literalValues';
import type { Range } from './model';

/** The version a call is sent with, and where that comes from. */
export interface Pin {
  readonly version: string;
  /** `code`: an Intercom-Version literal in the document; `setting`: intercom.apiVersion. */
  readonly from: 'code' | 'setting';
}

/** What the catalog says of a call. */
export interface CatalogFacts {
  readonly entry: CatalogEntry;
  /** The version shown: the pinned one when it has the operation, else the newest that does. */
  readonly version: string;
  /** The operation as that version defines it (path with its slot names, operationId, reference). */
  readonly operation: Operation;
}

export interface CallSite {
  /** The call, or the URL literal. */
  readonly range: Range;
  readonly kind: 'rest' | 'sdk';
  /** As the scanner read it: `{id}` for each id. */
  readonly operation: ScannedOperation;
  /** False when the code does not show the method (GET assumed, or the scanner's guess). */
  readonly methodSeen: boolean;
  /** SDK calls: the resource and method as written. */
  readonly call?: string;
  readonly permission: Permission;
  /** Undefined when no version of the catalog has the operation. */
  readonly catalog?: CatalogFacts;
  /** The scope rules know it as an API 1.x endpoint, which no 2.x version has. */
  readonly api1: boolean;
  readonly pin: Pin;
  readonly values: LiteralValues;
  /** The URL or path literal the call is written with (offsets), for edits to it. */
  readonly literal?: LiteralSpan;
  /**
   * Sent with headers set somewhere this file does not show: an SDK's, or those of a client configured in
   * another file (a bare path, in a file that names no Intercom host). Only a pin in this file tells its version.
   */
  readonly headersElsewhere: boolean;
}

export interface CallSiteContext {
  readonly text: string;
  readonly lang: Language;
  readonly lines: LineIndex;
  readonly index: CatalogIndex;
  /** The file writes an Intercom API host in its code: a client given a bare path may be configured here. */
  readonly namesHost: boolean;
}

const NO_VALUES: LiteralValues = { path: {}, query: {} };

/** A URL with its host, or one that starts with an interpolated base (`${BASE}/contacts`): not a bare path. */
const WITH_BASE = new RegExp(`^(?:${HOLE}|//)|://|intercom\\.io`, 'i');

/** The newest stable version that has the entry, else Preview. */
function newest(entry: CatalogEntry): string {
  const stable = entry.versions.filter((v) => v !== 'Preview');
  return stable.length > 0 ? stable[stable.length - 1] : entry.versions[entry.versions.length - 1];
}

/**
 * The catalog's entry for a finding, unless the match is loose (a slot taking a word of the path) where the scope rules
 * know the path as written: `GET /contacts/scroll` (API 1.x) is no `GET /contacts/{contact_id}`.
 */
function catalogEntry(index: CatalogIndex, finding: RequestFinding): CatalogEntry | undefined {
  const entry = index.find(finding.operation);
  if (!entry || entry.key === operationKey(finding.operation)) return entry;
  return finding.rules.some((rule) => rule.path === finding.operation.path) ? undefined : entry;
}

/** Where a finding starts in the text (findings count lines and columns from 1). */
export const findingOffset = (lines: LineIndex, finding: Located): number => lines.lineStart(finding.line - 1) + finding.column - 1;

export function callSite(finding: RequestFinding, pin: Pin, ctx: CallSiteContext): CallSite {
  const { text, lang, lines } = ctx;
  const start = findingOffset(lines, finding);
  const extent = callExtent(text, start, lang, finding.kind);
  const entry = catalogEntry(ctx.index, finding);
  let catalog: CatalogFacts | undefined;
  let values = NO_VALUES;
  if (entry) {
    const version = entry.byVersion.has(pin.version) ? pin.version : newest(entry);
    const operation = entry.byVersion.get(version)!;
    catalog = { entry, version, operation };
    values = finding.kind === 'sdk' ? sdkValues(text, extent.chainEnd, lang, operation) : extent.literal ? urlValues(text, extent.literal, lang, operation) : NO_VALUES;
  }
  return {
    range: lines.range(start, extent.end),
    kind: finding.kind,
    operation: finding.operation,
    methodSeen: finding.methodSeen,
    ...(finding.call && { call: finding.call }),
    permission: rulesPermission(finding.rules),
    ...(catalog && { catalog }),
    api1: finding.rules.some((rule) => rule.api1),
    pin,
    values,
    ...(extent.literal && { literal: extent.literal }),
    headersElsewhere: finding.kind === 'sdk' || (!ctx.namesHost && extent.literal !== undefined && !WITH_BASE.test(extent.literal.value)),
  };
}
