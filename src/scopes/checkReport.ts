// The "checked against a connected workspace" part of the checklist document: for each probe, whether
// the token has the scope, and which scopes could not be checked without writing (or without an id).
import type { Scope } from './catalog';
import type { ProbeResult } from './probe';

export interface ScopeCheck {
  readonly scope: Scope;
  readonly path: string;
  readonly result: ProbeResult;
}

export interface ScopeCheckReport {
  /** "<workspace name> (<id_code>)". */
  readonly workspace: string;
  readonly checks: readonly ScopeCheck[];
  readonly uncheckable: readonly { readonly scope: Scope; readonly reason: string }[];
  /** Labels ticked on the checklist, to flag a needed scope the token lacks. */
  readonly needed: ReadonlySet<string>;
  /** Set when the check stopped early (cancelled, token rejected): the rest is unknown. */
  readonly stoppedBecause?: string;
}

/** Marks any font renders: no emoji. */
const MARK = { granted: '✓ granted', missing: '✗ missing', unknown: '? unknown' } as const;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The permissions the check found granted that `needed` does not list, in the check's order. */
export function grantedButUnneeded(checks: readonly ScopeCheck[], needed: ReadonlySet<string>): string[] {
  return checks.filter((c) => c.result.status === 'granted' && !needed.has(c.scope.label)).map((c) => c.scope.label);
}

export function renderScopeCheck(report: ScopeCheckReport): string[] {
  const out = ['', `## Checked against ${report.workspace}`, ''];
  out.push('One read-only GET per read permission, with the connected token. Nothing was written.', '');
  const missingNeeded = report.checks.filter((c) => c.result.status === 'missing' && report.needed.has(c.scope.label));
  if (missingNeeded.length > 0) {
    out.push(`**The token lacks ${missingNeeded.length === 1 ? 'a permission' : 'permissions'} this checklist needs:** ${missingNeeded.map((c) => c.scope.label).join(', ')}. Tick ${missingNeeded.length === 1 ? 'it' : 'them'}, then reinstall the app (or connect again) so the token gets ${missingNeeded.length === 1 ? 'it' : 'them'}.`, '');
  }
  if (report.stoppedBecause) out.push(`_The check stopped early: ${report.stoppedBecause}_`, '');
  out.push('| Permission | On the checklist | Token | Probe | Details |', '|---|---|---|---|---|');
  for (const c of report.checks) {
    out.push(`| ${c.scope.label} | ${report.needed.has(c.scope.label) ? 'yes' : 'no'} | ${MARK[c.result.status]} | \`GET ${c.path.split('?')[0]}\` | ${cell(c.result.reason)} |`);
  }
  if (report.uncheckable.length > 0) {
    out.push('', 'Not checked (a check would have to write, or needs an id):', '');
    for (const u of report.uncheckable) out.push(`- ${u.scope.label} — ${u.reason}`);
  }
  return out;
}

export type PermissionStatus = 'granted' | 'missing';

/** The stored scope check of a session: Developer Hub label → whether its probe found it granted or missing. */
export type CheckResults = Readonly<Record<string, PermissionStatus>>;
