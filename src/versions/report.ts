// The version comparison as a Markdown document: first the operations the folder's code uses (with
// links to where), then every operation that changes. Deterministic: the same input, the same text.
import type { RequestFinding } from '../scopes/finding';
import { code, linkTo, type RenderOptions } from '../scopes/render';
import { fateOf, operationKey, type ChangedOperation, type DiffOperation, type OperationFate, type VersionDiff } from './diff';

export interface ReportInput {
  readonly from: string;
  readonly to: string;
  readonly diff: VersionDiff;
  /** Keys (operationKey) of version A's operations. */
  readonly fromKeys: ReadonlySet<string>;
  /** The scan's REST and SDK findings. */
  readonly findings: readonly RequestFinding[];
  /** Link target for a finding, as the checklist makes them. */
  readonly link: RenderOptions['link'];
  /** Where the catalog comes from, e.g. "intercom/Intercom-OpenAPI at 8889625". */
  readonly source: string;
}

const subject = (op: Pick<DiffOperation, 'method' | 'path'>) => code(`${op.method} ${op.path}`);

function changeText(change: ChangedOperation): string {
  const parts = change.changes.map((c) => `${c.where === 'body' ? 'body field' : 'query parameter'} ${code(c.name)} ${c.kind}`);
  return parts.join('; ');
}

function fateText(fate: OperationFate, to: string): string {
  switch (fate.kind) {
    case 'unchanged': return 'unchanged';
    case 'added': return `new in ${to}`;
    case 'removed': return `**removed** in ${to}`;
    case 'unknown': return 'in neither version';
    case 'renamed': {
      const details = changeText(fate.change);
      const path = fate.toNewPath ? `**path renamed** to ${subject(fate.change.after)}` : `path new in ${to} (was ${subject(fate.change.before)})`;
      return `${path}${details ? `; ${details}` : ''}`;
    }
    case 'changed': return `**changed**: ${changeText(fate.change)}`;
  }
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

function usedSection(input: ReportInput): string[] {
  const byKey = new Map<string, RequestFinding[]>();
  for (const f of input.findings) byKey.set(operationKey(f.operation), [...(byKey.get(operationKey(f.operation)) ?? []), f]);
  const lines = ['## Operations this folder\'s code uses', ''];
  if (byKey.size === 0) return [...lines, 'The scope scan found no Intercom REST or SDK call in this folder.', ''];
  lines.push(`| Operation | In code | From ${input.from} to ${input.to} |`, '|---|---|---|');
  for (const key of [...byKey.keys()].sort()) {
    const found = byKey.get(key)!;
    const links = found.map((f) => linkTo(f, input)).join(', ');
    lines.push(`| ${cell(subject(found[0].operation))} | ${cell(links)} | ${cell(fateText(fateOf(key, input.diff, input.fromKeys.has(key)), input.to))} |`);
  }
  return [...lines, ''];
}

function list(title: string, items: readonly string[]): string[] {
  return [`### ${title} (${items.length})`, '', ...(items.length ? items.map((i) => `- ${i}`) : ['None.']), ''];
}

const byKey = <T>(items: readonly T[], key: (item: T) => string) => [...items].sort((a, b) => key(a).localeCompare(key(b)));
const named = (op: DiffOperation) => (op.operationId ? ` (${code(op.operationId)})` : '');

export function renderVersionReport(input: ReportInput): string {
  const { diff, from, to } = input;
  const changeKey = (c: ChangedOperation) => operationKey(c.after);
  return [
    `# Intercom API: ${from} → ${to}`,
    '',
    `Compared from the API catalog (${input.source}). Path slots are compared by position: \`{id}\` and \`{contact_id}\` are the same slot.`,
    '',
    ...usedSection(input),
    '## All operations',
    '',
    ...list('Added', byKey(diff.added, operationKey).map((op) => `${subject(op)}${named(op)}`)),
    ...list('Removed', byKey(diff.removed, operationKey).map((op) => `${subject(op)}${named(op)}`)),
    ...list('Renamed paths', byKey(diff.renamed, changeKey).map((c) => `${code(c.before.operationId)}: ${subject(c.before)} → ${subject(c.after)}${c.changes.length ? `; ${changeText(c)}` : ''}`)),
    ...list('Changed parameters', byKey(diff.changed, changeKey).map((c) => `${subject(c.after)}: ${changeText(c)}`)),
  ].join('\n');
}
