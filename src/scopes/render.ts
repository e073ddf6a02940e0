// The checklist as a Markdown document the developer keeps next to the app (e.g. INTERCOM_SCOPES.md)
// and follows in the Developer Hub: `- [ ] Label` lines under the Hub's section headings, in the Hub's
// order, each with why and how sure. Deterministic: the same checklist always renders the same text.

import { findScope } from './catalog';
import { findingSubject, type Finding, type Located, type UnseenMethod } from './finding';
import { matchOperation, operationText, type OperationRule } from './operations';
import type { Checklist, ChecklistItem, Reason, ScanCoverage } from './plan';
import type { SkippedFile } from './scanState';

export interface RenderOptions {
  /** Link target for a finding or another place in the code, e.g. `src/app.ts#L12` relative to the document. */
  readonly link: (place: Located) => string;
  readonly title?: string;
  /** From a check of the connected token: the permissions it has that the checklist does not need. */
  readonly untick?: readonly string[];
}

const KIND_NAMES: Readonly<Record<Finding['kind'], string>> = { rest: 'REST', sdk: 'SDK', webhook: 'Webhook' };

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 || text.startsWith(' ') ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** `[file:line](target)`, the target bracketed when it holds spaces or parentheses. */
export function linkTo(place: Located, options: Pick<RenderOptions, 'link'>): string {
  const target = options.link(place).replace(/[<>]/g, encodeURIComponent);
  const text = `${place.file}:${place.line}`.replace(/[[\]]/g, '\\$&');
  return `[${text}](${/[\s()<>]/.test(target) ? `<${target}>` : target})`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const quotedList = (labels: readonly string[]): string => labels.map((l) => `"${l}"`).join(', ');
/** The Developer Hub's wording for a label the evidence uses ("Read users and companies" → "Read and list…"). */
const hubLabel = (label: string): string => findScope(label)?.label ?? `${label} (not a Developer Hub permission)`;

function howSure(reason: Reason): string {
  return reason.alternatives.length > 0
    ? `${reason.evidence}; any one of ${quotedList(reason.alternatives.map(hubLabel))} suffices`
    : reason.evidence;
}

function subjects(reasons: readonly Reason[]): string {
  const names = reasons.map((r) => code(r.subject)).join(', ');
  if (reasons[0].kind === 'operation') return names;
  return `${reasons.length === 1 ? 'webhook topic' : 'webhook topics'} ${names}`;
}

const forCapabilities = (r: Reason): string => (r.capabilities.length > 0 ? ` for ${quotedList(r.capabilities)}` : '');
const note = (r: Reason): string => (r.note ? ` ${r.note}` : '');

/** Reasons the code shows, one a line with their links; the others grouped by capability and certainty. */
function reasonLines(reasons: readonly Reason[], options: RenderOptions): string[] {
  const lines: string[] = [];
  const groups = new Map<string, Reason[]>();
  for (const r of reasons) {
    if (r.findings.length > 0) {
      const links = r.findings.map((f) => linkTo(f, options)).join(', ');
      lines.push(`${subjects([r])} (${howSure(r)})${forCapabilities(r)}, found at ${links}.${note(r)}`);
    } else {
      const key = JSON.stringify([r.kind, r.capabilities, howSure(r), r.note]);
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
  }
  for (const group of groups.values()) {
    lines.push(`${subjects(group)} (${howSure(group[0])})${forCapabilities(group[0])}; not seen in code.${note(group[0])}`);
  }
  return lines;
}

function renderItem(item: ChecklistItem, options: RenderOptions): string[] {
  const lines = [`- [ ] ${item.scope.label}`];
  lines.push(`  - How sure: ${item.confidence}.`);
  if (item.canvasKit) lines.push('  - Canvas Kit selects this automatically; it cannot be deselected.');
  for (const line of reasonLines(item.reasons, options)) lines.push(`  - Why: ${line}`);
  return lines;
}

/** What an operation's rules need, in the Developer Hub's words: "Read conversations (inferred)". */
export function needsOfRules(rules: readonly OperationRule[]): string {
  if (rules.length === 0) return 'not in the scope mapping';
  return rules
    .map((r) => {
      if (r.evidence === 'no-scope') return 'no permission (OAuth)';
      if (r.evidence === 'unknown') return 'no documented permission';
      return `${r.anyOf.map(hubLabel).join(' or ')} (${r.evidence})`;
    })
    .join(' + ');
}

/** What a finding needs, for the findings table. */
function needsOf(finding: Finding): string {
  if (finding.kind === 'webhook') return `${finding.rule.anyOf.map(hubLabel).join(' or ')} (documented)`;
  return needsOfRules(finding.rules);
}

/** What each method a call could use needs: `GET /conversations` needs …; `POST /conversations` needs …. */
export function candidateNeeds(call: UnseenMethod): string {
  return call.methods
    .map((method) => {
      const operation = { method, ...call.target };
      return `${code(operationText(operation))} needs ${needsOfRules(matchOperation(operation, true))}`;
    })
    .join('; ');
}

function findingRow(finding: Finding, last: string, options: RenderOptions): string {
  const assumed = finding.kind !== 'webhook' && !finding.methodSeen ? ' (method assumed)' : '';
  const via = finding.kind === 'sdk' && finding.call ? ` via ${code(finding.call)}` : '';
  const what = `${code(findingSubject(finding))}${via}${assumed}`;
  return `| ${linkTo(finding, options)} | ${KIND_NAMES[finding.kind]} | ${cell(what)} | ${cell(last)} | ${cell(code(finding.snippet))} |`;
}

const SKIP_REASONS: Readonly<Record<SkippedFile['reason'], string>> = {
  binary: 'binary content',
  'too-large': 'larger than 1 MB',
  'too-slow': 'took too long to scan',
  unreadable: 'could not be read',
  'outside-folder': 'a link (to it or to a folder on its path) leads out of the folder',
};

/** What the scan covered, for the header: the checklist is only as complete as the scan. */
function coverage(scan: ScanCoverage | undefined): string {
  if (!scan) return 'No code was scanned.';
  const skipped = scan.skipped.length > 0 ? `; ${plural(scan.skipped.length, 'file')} could not be scanned (see "Not scanned")` : '';
  const unfollowed = scan.checkByHand.length;
  const byHand = unfollowed > 0
    ? ` ${plural(unfollowed, 'file')} ${unfollowed === 1 ? 'talks' : 'talk'} to Intercom in ways the scan could not follow (see "Check these by hand").`
    : '';
  const unknown = scan.unknownCalls.length;
  const unknownCalls = unknown > 0
    ? ` ${plural(unknown, 'Intercom SDK call')} ${unknown === 1 ? 'uses a method' : 'use methods'} the scan does not know (see "Check these by hand").`
    : '';
  const unseen = scan.unseenMethods.length;
  const unseenMethods = unseen > 0
    ? ` ${plural(unseen, 'call')} to Intercom ${unseen === 1 ? 'does' : 'do'} not show the HTTP method that decides ${unseen === 1 ? 'its' : 'their'} permission; nothing is ticked for ${unseen === 1 ? 'it' : 'them'} (see "Check these by hand").`
    : '';
  return `The scan read ${plural(scan.scanned, 'source file')} as text${skipped}.${byHand}${unknownCalls}${unseenMethods}`;
}

/** The files the scan could not vouch for: those to read by hand, and those it could not read. */
function coverageSections(scan: ScanCoverage | undefined, options: RenderOptions): string[] {
  const out: string[] = [];
  if (scan && (scan.checkByHand.length > 0 || scan.unknownCalls.length > 0 || scan.unseenMethods.length > 0)) {
    out.push('', '## Check these by hand');
  }
  if (scan && scan.checkByHand.length > 0) {
    out.push('', 'They import an Intercom SDK or name its API host, but the scan found no call in them.', '');
    for (const file of scan.checkByHand) out.push(`- ${file}`);
  }
  if (scan && scan.unknownCalls.length > 0) {
    out.push('', "These calls go to an Intercom SDK client, but no SDK table knows their method: look up the endpoint each one sends in the SDK's reference, and the permission it needs.", '');
    for (const call of scan.unknownCalls) out.push(`- ${linkTo(call, options)} ${code(call.call)}`);
  }
  if (scan && scan.unseenMethods.length > 0) {
    out.push('', 'The code does not show the HTTP method of these calls, and the method decides the permission, so nothing is ticked or preselected for them: see how each is sent, and tick what that method needs.', '');
    for (const call of scan.unseenMethods) out.push(`- ${linkTo(call, options)}: ${candidateNeeds(call)}.`);
  }
  if (scan && scan.skipped.length > 0) {
    out.push('', '## Not scanned', '');
    for (const { file, reason } of scan.skipped) out.push(`- ${file} — ${SKIP_REASONS[reason]}`);
  }
  return out;
}

/** The caveat, once: which permissions rest only on inferred mappings and must be confirmed. */
function inferredCaveat(checklist: Checklist): string {
  const inferred = checklist.sections.flatMap((s) => s.items).filter((i) => i.confidence === 'inferred').map((i) => i.scope.label);
  if (inferred.length === 0) return '';
  return ` ${quotedList(inferred)} ${inferred.length === 1 ? 'rests' : 'rest'} only on inferred mappings: confirm ${inferred.length === 1 ? 'it' : 'them'} in Intercom's docs before you submit the app.`;
}

/**
 * First of all, when the token was checked: what to untick. Asking for more than the app needs is the first
 * reason the Developer Hub's review rejects an app. Only read permissions can be checked without writing.
 */
function untickSection(untick: readonly string[] | undefined): string[] {
  if (!untick || untick.length === 0) return [];
  return [
    '', '## Untick these first', '',
    "The connected token has these permissions, but the app does not need them: untick them on the app's Authorization page. " +
      'Asking for more than the app uses is the first reason for rejection. Only read permissions could be checked; ' +
      'look over the write permissions the same way.',
    '',
    ...untick.map((label) => `- [ ] Untick ${label}`),
  ];
}

export function renderChecklist(checklist: Checklist, options: RenderOptions): string {
  const out: string[] = [];
  const files = new Set(checklist.findings.map((f) => f.file)).size;
  out.push(`# ${options.title ?? 'Intercom permission scopes'}`, '');
  out.push(
    `Made by Intercom Developer Tools from ${plural(checklist.capabilities.length, 'chosen capability', 'chosen capabilities')} ` +
      `and ${plural(checklist.findings.length, 'finding')} in ${plural(files, 'file')} of the code. ${coverage(checklist.scan)} ` +
      "Tick these permissions on your app's Authorization page in the Developer Hub; they cover the chosen capabilities and the calls found, " +
      'not calls the scan could not see. Labels, sections and order are the Developer Hub\'s. ' +
      "*Documented* means Intercom's docs name the permission for that use; *inferred* means only the permission descriptions suggest it." +
      inferredCaveat(checklist),
  );
  out.push(...untickSection(options.untick));
  if (checklist.capabilities.length > 0) {
    out.push('', `Capabilities: ${checklist.capabilities.map((c) => `${c.group} — ${c.label}`).join('; ')}.`);
  }

  for (const { section, items } of checklist.sections) {
    out.push('', `## ${section.title}`, '');
    if (items.length === 0) out.push('_Nothing to tick in this section._');
    for (const item of items) out.push(...renderItem(item, options));
  }

  if (checklist.leftOut.length > 0) {
    out.push('', '## Left out', '', 'Needed, but do not tick them: a broader permission on the checklist covers each (inferred from the Developer Hub descriptions).', '');
    for (const left of checklist.leftOut) {
      out.push(`- ${left.scope.label} — left out because ${left.coveredBy.label} covers it.`);
      for (const line of reasonLines(left.reasons, options)) out.push(`  - Needed for: ${line}`);
    }
  }

  // The inferred-only warnings are the caveat said once at the top.
  const warnings = checklist.warnings.filter((w) => w.kind !== 'inferred-only');
  if (warnings.length > 0) {
    out.push('', '## Warnings', '');
    for (const warning of warnings) {
      out.push(`- ${warning.message}`);
      if (warning.findings.length > 0) out.push(`  - Found at ${warning.findings.map((f) => linkTo(f, options)).join(', ')}`);
    }
  }

  out.push('', '## Findings', '');
  if (checklist.findings.length === 0) out.push('_No Intercom API use found in the code._');
  else {
    out.push('| Where | Kind | Operation or topic | Needs | Code |', '| --- | --- | --- | --- | --- |');
    for (const f of checklist.findings) out.push(findingRow(f, needsOf(f), options));
  }

  if (checklist.setAside.length > 0) {
    out.push('', '### Not counted', '', 'Found in the code, but in test code or under capabilities that were not chosen.', '');
    out.push('| Where | Kind | Operation or topic | Capabilities | Code |', '| --- | --- | --- | --- | --- |');
    for (const { finding, capabilities, because } of checklist.setAside) {
      const labels = capabilities.map((c) => c.label).join(', ') || 'none';
      out.push(findingRow(finding, because === 'test-code' ? `${labels} (test code)` : labels, options));
    }
  }
  out.push(...coverageSections(checklist.scan, options));
  return `${out.join('\n')}\n`;
}
