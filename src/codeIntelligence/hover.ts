// What the hover and the CodeLens show for a call site, as text built from data: the operation, its
// permission with the stored scope check's ✓/✗, the versions that have it, its reference, and the
// prefilled commands. Everything from the code or the catalog is escaped or in a code span; the only
// links are the reference and our own commands.
import { operationLabel, permissionMark } from '../explorer/browse';
import type { Permission } from '../explorer/permission';
import type { CheckResults } from '../scopes/checkReport';
import { code } from '../scopes/render';
import { escapeMarkdown } from '../workspace/markdown';
import type { CallSite } from './callSites';
import { versionRanges } from './catalogIndex';
import { CALL_API, COPY_SNIPPET, OPEN_AS_HTTP, commandLink, requestPrefill } from './commands';

export function permissionText(permission: Permission): string {
  if (permission === 'none') return 'No permission needed';
  if (permission === 'unknown') return 'Permission not documented';
  return permission.join(' or ');
}

const MARKS = { granted: '✓', missing: '✗' } as const;

/** "Write conversations ✓": the permission and, when a scope check is stored, its verdict. */
function permissionWithMark(site: CallSite, checks: CheckResults | undefined): string {
  const mark = permissionMark(site.permission, checks);
  return mark ? `${permissionText(site.permission)} ${MARKS[mark]}` : permissionText(site.permission);
}

/** A URL as a Markdown link target: characters that would end or break the link are encoded. */
const linkTarget = (url: string): string => url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** The hover's Markdown. `checks`: the connected session's stored scope check, if any. */
export function hoverMarkdown(site: CallSite, checks: CheckResults | undefined, allVersions: readonly string[]): string {
  const facts = site.catalog;
  const method = facts?.operation.method ?? site.operation.method;
  const path = facts?.operation.path ?? site.operation.path;
  const title = [`**${method}** ${code(path)}`];
  if (facts) title.push(`— ${escapeMarkdown(operationLabel(facts.operation))}${facts.operation.operationId ? ` (${code(facts.operation.operationId)})` : ''}`);
  if (!site.methodSeen) title.push('_(the code does not show the method)_');
  const lines = [title.join(' ')];
  if (site.call) lines.push(`SDK call ${code(site.call)}`);
  const mark = permissionMark(site.permission, checks);
  const verdict = mark === 'granted' ? ' — granted, by the last scope check' : mark === 'missing' ? ' — missing from the connected token, by the last scope check' : '';
  lines.push(`Permission: ${escapeMarkdown(permissionWithMark(site, checks))}${verdict}`);
  if (facts) {
    const pinned = site.pin.from === 'code' ? 'Intercom-Version in this file' : 'intercom.apiVersion';
    lines.push(`API versions: ${escapeMarkdown(versionRanges(facts.entry.versions, allVersions))} · this call uses ${escapeMarkdown(site.pin.version)} (${pinned})`);
    const prefill = [requestPrefill(site)];
    lines.push([
      `[Reference](${linkTarget(facts.operation.docUrl)})`,
      `[Call API…](${commandLink(CALL_API, prefill)})`,
      `[Copy Snippet…](${commandLink(COPY_SNIPPET, prefill)})`,
      `[Open as .http](${commandLink(OPEN_AS_HTTP, prefill)})`,
    ].join(' · '));
  } else {
    const what = site.api1 ? 'an API 1.x endpoint' : 'an API 1.x endpoint, or one Intercom does not document';
    lines.push(`No version of the API catalog (${escapeMarkdown(versionRanges(allVersions, allVersions))}) has this operation: ${what}.`);
  }
  return lines.join('\n\n');
}

export interface CodeLensModel {
  readonly title: string;
  /** Call API…, prefilled; absent for a call the catalog does not have. */
  readonly command?: { readonly id: string; readonly arguments: readonly unknown[] };
}

/** "Write conversations ✓ · Call…" above a call. */
export function codeLens(site: CallSite, checks: CheckResults | undefined): CodeLensModel {
  const permission = permissionWithMark(site, checks);
  const prefill = requestPrefill(site);
  return prefill ? { title: `${permission} · Call…`, command: { id: CALL_API, arguments: [prefill] } } : { title: permission };
}
