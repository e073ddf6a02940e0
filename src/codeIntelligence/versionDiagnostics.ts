// Version diagnostics: a call whose operation the pinned API version does not have, or that a later
// version removes or moves. Only for calls the catalog knows (or the scope rules know as API 1.x
// endpoints), with the method the code shows, pinned to a version the catalog has: anything else would be
// a guess. A call sent with headers set elsewhere (an SDK's, a client configured in another file) counts
// only where the file pins a version: those headers carry their own version, or none, not the setting.
import type { Operation } from '../explorer/catalog';
import { operationKey } from '../versions/diff';
import type { CallSite } from './callSites';
import { versionRanges, type CatalogIndex } from './catalogIndex';
import type { LineIndex } from './lines';
import { diagnostic, type CodeDiagnostic, type QuickFix } from './model';
import { rewritePath } from './pathRewrite';

const subject = (op: Pick<Operation, 'method' | 'path'>): string => `${op.method} ${op.path}`;
const pinText = (site: CallSite): string =>
  site.pin.from === 'code' ? `Intercom-Version ${site.pin.version} (pinned in this file)` : `Intercom-Version ${site.pin.version} (the intercom.apiVersion setting)`;

/** The operation under the same operationId at another path in `version`, if it moved there. */
function movedTo(site: CallSite, index: CatalogIndex, version: string): Operation | undefined {
  const moved = index.sameOperationIn(site.catalog!.entry, version);
  return moved && operationKey(moved) !== site.catalog!.entry.key ? moved : undefined;
}

function rewriteFix(site: CallSite, text: string, lines: LineIndex, to: Operation, version: string): QuickFix[] {
  const literal = site.literal;
  const rewritten = literal && rewritePath(text, literal, site.catalog!.operation.path, to.path);
  if (!literal || rewritten === undefined) return [];
  return [{ kind: 'edit', title: `Use ${to.path}, its path in ${version}`, edits: [{ range: lines.range(literal.open, literal.end), newText: rewritten }] }];
}

export function versionDiagnostics(site: CallSite, index: CatalogIndex, text: string, lines: LineIndex): CodeDiagnostic[] {
  const facts = site.catalog;
  const versions = index.catalog.versions;
  const pinned = site.pin.version;
  if (!site.methodSeen || !versions.includes(pinned) || (site.headersElsewhere && site.pin.from !== 'code')) return [];
  if (!facts) {
    // Of an operation the catalog lacks, only the scope rules' API 1.x endpoints are known to be gone.
    const catalogVersions = versionRanges(versions, versions);
    return site.api1
      ? [diagnostic('intercom.version-missing', site.range, 'warning', `${subject(site.operation)} is an API 1.x endpoint, which no version of the catalog (${catalogVersions}) has: it is not in ${pinText(site)}.`)]
      : [];
  }
  const { entry, operation } = facts;
  const have = (): string => versionRanges(entry.versions, versions);
  if (!entry.byVersion.has(pinned)) {
    const moved = movedTo(site, index, pinned);
    const message = moved
      ? `${subject(operation)} is not in ${pinText(site)}: there ${operation.operationId} is ${subject(moved)}. This path is in ${have()}.`
      : `${subject(operation)} is not in ${pinText(site)}. Versions that have it: ${have()}.`;
    return [diagnostic('intercom.version-missing', site.range, 'warning', message, moved ? rewriteFix(site, text, lines, moved, pinned) : [])];
  }
  // Preview is no release to upgrade to: only the stable versions after the pinned one are looked at.
  const later = versions.slice(versions.indexOf(pinned) + 1).filter((v) => v !== 'Preview');
  const gone = later.find((v) => !entry.byVersion.has(v));
  if (!gone) return [];
  const moved = movedTo(site, index, gone);
  const message = moved
    ? `${subject(operation)} moves to ${subject(moved)} in Intercom-Version ${gone} (${operation.operationId}). This path is in ${have()}.`
    : `${subject(operation)} is removed in Intercom-Version ${gone}. Versions that have it: ${have()}.`;
  return [diagnostic('intercom.version-removed', site.range, 'information', message)];
}
