// From what the app does (chosen capabilities) and what its code shows (findings) to the least set of
// Developer Hub scopes, each with its reasons and how sure we are. Over-privileged apps get rejected,
// so every scope must be needed, and a scope a broader chosen one covers is left out (and said so).
//
// How alternatives are chosen (a webhook topic, or GET /me, accepts any one of several scopes):
// requirements with a single scope are taken as they are, with Canvas Kit's forced scopes. Then,
// while some requirement is unmet, the candidate meeting the most unmet requirements is added; ties go
// to the narrowest (covers the fewest scopes, then is covered by the most), then to Developer Hub order.
// A requirement is met by one of its scopes or by a scope that covers one. Last, any scope the others
// make redundant is dropped (broadest first), so a covered scope is left out rather than ticked.

import { CAPABILITIES, capabilitiesForFinding, type Capability } from './capabilities';
import { CANVAS_KIT_SCOPES, coveredBy, covers, findScope, SCOPES, SECTIONS, type Scope, type Section } from './catalog';
import { findingSubject, inTestCode, type Finding } from './finding';
import { matchOperation, parseOperation, type Evidence, type OperationRule } from './operations';
import type { ScanResult } from './scanState';
import { findTopicRule, UNLISTED_LABEL_HINTS, type TopicRule } from './topics';

export interface ChecklistInput {
  /** The developer's choice (matched to CAPABILITIES by id): it decides what counts. */
  readonly capabilities: readonly Capability[];
  /**
   * Scan findings, cited as evidence. One that no capability offers (GET /teams, an unmapped path)
   * counts unless it is in test code; one whose capabilities were all left unchosen, and a topic in test code, is set aside.
   */
  readonly findings?: readonly Finding[];
  /** What the scan read and could not: the checklist says so. Absent when no code was scanned. */
  readonly scan?: ScanCoverage;
}

export type ScanCoverage = Pick<ScanResult, 'scanned' | 'skipped' | 'checkByHand' | 'unknownCalls' | 'unseenMethods'>;

/** Why a scope is needed: one operation or topic, from the chosen capabilities and/or the code. */
export interface Reason {
  readonly kind: 'operation' | 'topic';
  /** The rule's "METHOD /path" ("/path (any method)" for rules on every method), or the topic. */
  readonly subject: string;
  readonly evidence: Evidence;
  /** The labels the evidence names, when any one of several suffices. */
  readonly alternatives: readonly string[];
  /** Labels of the chosen capabilities that imply it. */
  readonly capabilities: readonly string[];
  /** The code that shows it, by file and line. */
  readonly findings: readonly Finding[];
  readonly note?: string;
}

export interface ChecklistItem {
  readonly scope: Scope;
  /** documented when a documented rule or Canvas Kit supports it; inferred otherwise. */
  readonly confidence: Evidence;
  /** Selected automatically by Canvas Kit; cannot be deselected. */
  readonly canvasKit: boolean;
  readonly reasons: readonly Reason[];
}

export interface ChecklistSection {
  readonly section: Section;
  /** In Developer Hub order. */
  readonly items: readonly ChecklistItem[];
}

/** A needed scope not to tick, because a broader one on the checklist covers it. */
export interface LeftOutScope {
  readonly scope: Scope;
  readonly coveredBy: Scope;
  readonly reasons: readonly Reason[];
}

export type WarningKind = 'inferred-only' | 'unknown-label' | 'no-known-scope' | 'unmapped-operation' | 'assumed-method';

export interface Warning {
  readonly kind: WarningKind;
  readonly message: string;
  readonly findings: readonly Finding[];
}

/** Found in code, but not counted: every capability it belongs to was deselected, it is test code none chose, or a test's topic. */
export interface SetAsideFinding {
  readonly finding: Finding;
  readonly capabilities: readonly Capability[];
  readonly because: 'not-chosen' | 'test-code';
}

export interface Checklist {
  /** Both Developer Hub sections, in order, even when empty. */
  readonly sections: readonly ChecklistSection[];
  readonly leftOut: readonly LeftOutScope[];
  readonly warnings: readonly Warning[];
  /** The chosen capabilities, in CAPABILITIES order. */
  readonly capabilities: readonly Capability[];
  readonly canvasKit: boolean;
  /** Findings that count, by file then line. */
  readonly findings: readonly Finding[];
  readonly setAside: readonly SetAsideFinding[];
  readonly scan?: ScanCoverage;
}

interface Draft {
  kind: Reason['kind'];
  subject: string;
  rule: OperationRule | TopicRule;
  capabilities: string[];
  findings: Finding[];
}

interface Need {
  readonly reason: Reason;
  readonly options: readonly Scope[];
}

/** Code-unit order, the same on every machine (localeCompare is not). */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byPlace = (a: Finding, b: Finding): number => compare(a.file, b.file) || a.line - b.line || a.column - b.column;
const byOrder = (a: Scope, b: Scope): number => a.order - b.order;
const quoted = (labels: readonly string[]): string => labels.map((l) => `"${l}"`).join(' or ');

/** How a rule is named in the checklist: its id, or "/path (any method)". */
const ruleSubject = (rule: OperationRule): string => (rule.method === '*' ? `${rule.path} (any method)` : rule.id);

function toReason(d: Draft): Reason {
  return {
    kind: d.kind,
    subject: d.subject,
    evidence: d.rule.evidence === 'documented' ? 'documented' : 'inferred',
    alternatives: d.rule.anyOf.length > 1 ? d.rule.anyOf : [],
    capabilities: d.capabilities,
    findings: [...d.findings].sort(byPlace),
    ...(d.rule.note && { note: d.rule.note }),
  };
}

/** Narrowest first: covers fewer scopes, is covered by more, comes earlier in the Developer Hub. */
function narrowness(a: Scope, b: Scope): number {
  const coverers = (s: Scope): number => SCOPES.filter((o) => covers(o, s)).length;
  return coveredBy(a).size - coveredBy(b).size || coverers(b) - coverers(a) || byOrder(a, b);
}

const meets = (s: Scope, need: Need): boolean => need.options.some((o) => o === s || covers(s, o));
const unmetBy = (selected: ReadonlySet<Scope>, needs: readonly Need[]): Need[] =>
  needs.filter((n) => ![...selected].some((s) => meets(s, n)));

function choose(needs: readonly Need[], forced: readonly Scope[]): Set<Scope> {
  const selected = new Set<Scope>(forced);
  for (const need of needs) if (need.options.length === 1) selected.add(need.options[0]);
  for (let unmet = unmetBy(selected, needs); unmet.length > 0; unmet = unmetBy(selected, needs)) {
    const candidates = [...new Set(unmet.flatMap((n) => n.options))];
    const score = (s: Scope): number => unmet.filter((n) => meets(s, n)).length;
    candidates.sort((a, b) => score(b) - score(a) || narrowness(a, b));
    selected.add(candidates[0]);
  }
  for (const s of [...selected].sort((a, b) => narrowness(b, a))) {
    if (forced.includes(s)) continue;
    selected.delete(s);
    if (unmetBy(selected, needs).length > 0) selected.add(s);
  }
  return selected;
}

interface Gathered {
  readonly drafts: Draft[];
  readonly counted: Finding[];
  readonly setAside: SetAsideFinding[];
}

/** Every operation and topic the chosen capabilities imply and the counted findings show, merged by rule. */
function gather(capabilities: readonly Capability[], findings: readonly Finding[]): Gathered {
  const chosen = new Set(capabilities.map((c) => c.id));
  const drafts = new Map<string, Draft>();
  const draft = (kind: Reason['kind'], subject: string, rule: OperationRule | TopicRule): Draft => {
    const key = `${kind} ${subject}`;
    let d = drafts.get(key);
    if (!d) drafts.set(key, (d = { kind, subject, rule, capabilities: [], findings: [] }));
    return d;
  };
  for (const cap of capabilities) {
    for (const op of cap.operations) {
      for (const rule of matchOperation(parseOperation(op))) draft('operation', ruleSubject(rule), rule).capabilities.push(cap.label);
    }
    for (const topic of cap.topics) draft('topic', topic, findTopicRule(topic)!).capabilities.push(cap.label);
  }
  const counted: Finding[] = [];
  const setAside: SetAsideFinding[] = [];
  for (const finding of findings) {
    const caps = capabilitiesForFinding(finding);
    const isChosen = caps.some((c) => chosen.has(c.id));
    // A test's topic is a payload it builds, often to show the receiver ignores it: no topic the app handles.
    const testTopic = finding.kind === 'webhook' && inTestCode(finding);
    if (testTopic || (!isChosen && (caps.length > 0 || inTestCode(finding)))) {
      setAside.push({ finding, capabilities: caps, because: inTestCode(finding) ? 'test-code' : 'not-chosen' });
      continue;
    }
    counted.push(finding);
    if (finding.kind === 'webhook') draft('topic', finding.topic, finding.rule).findings.push(finding);
    else for (const rule of finding.rules) draft('operation', ruleSubject(rule), rule).findings.push(finding);
  }
  const ordered = [...drafts.values()].sort((a, b) => compare(a.kind, b.kind) || compare(a.subject, b.subject));
  return { drafts: ordered, counted: counted.sort(byPlace), setAside };
}

/** The scope requirements; rules without a Developer Hub scope become warnings instead. */
function needsOf(drafts: readonly Draft[], warnings: Warning[]): Need[] {
  const needs: Need[] = [];
  /** Reasons whose labels match no Developer Hub box, by those labels: one warning each. */
  const unlisted = new Map<string, { labels: readonly string[]; reasons: Reason[] }>();
  for (const d of drafts) {
    const reason = toReason(d);
    if (d.rule.evidence === 'no-scope') continue;
    if (d.rule.evidence === 'unknown') {
      const seen = [...new Set(reason.findings.map(findingSubject))].join(', ') || reason.subject;
      warnings.push({
        kind: 'no-known-scope',
        message: `Intercom documents no permission for ${seen}; check its API reference page for the box it needs.`,
        findings: reason.findings,
      });
      continue;
    }
    const options = [...new Set(d.rule.anyOf.map(findScope).filter((s): s is Scope => s !== undefined))].sort(byOrder);
    if (options.length > 0) {
      needs.push({ reason, options });
      continue;
    }
    const key = d.rule.anyOf.join('\n');
    const entry = unlisted.get(key) ?? { labels: d.rule.anyOf, reasons: [] };
    entry.reasons.push(reason);
    unlisted.set(key, entry);
  }
  for (const { labels, reasons } of unlisted.values()) {
    const hints = labels.map((l) => UNLISTED_LABEL_HINTS[l]).filter(Boolean).join(' ');
    const topics = reasons.filter((r) => r.kind === 'topic').map((r) => r.subject);
    const subjects = [
      ...(topics.length > 0 ? [`Webhook ${topics.length === 1 ? 'topic' : 'topics'} ${topics.join(', ')}`] : []),
      ...reasons.filter((r) => r.kind === 'operation').map((r) => r.subject),
    ].join(', ');
    warnings.push({
      kind: 'unknown-label',
      message: `${subjects} ${reasons.length === 1 ? 'needs' : 'need'} ${quoted(labels)}, which is not a Developer Hub permission.${hints ? ` ${hints}` : ''}`,
      findings: reasons.flatMap((r) => r.findings),
    });
  }
  return needs;
}

/** Warnings about what the code shows: paths outside the mapping, methods that had to be assumed. */
function codeWarnings(counted: readonly Finding[]): Warning[] {
  const warnings: Warning[] = [];
  const unmapped = new Map<string, Finding[]>();
  for (const f of counted) {
    if (f.kind !== 'webhook' && f.rules.length === 0) unmapped.set(findingSubject(f), [...(unmapped.get(findingSubject(f)) ?? []), f]);
  }
  for (const [subject, found] of unmapped) {
    warnings.push({
      kind: 'unmapped-operation',
      message: `${subject} is not in the scope mapping; check its API reference page for the permission it needs.`,
      findings: found,
    });
  }
  // A call whose method would decide what it needs is no finding (see UnseenMethod): here the path decided. Where every
  // rule takes any method (OAuth endpoints, say) the method did not matter; an unmapped path is warned about above.
  const assumed = counted.filter((f) => f.kind !== 'webhook' && !f.methodSeen && f.rules.some((r) => r.method !== '*'));
  if (assumed.length > 0) {
    const places = assumed.length === 1 ? '1 place' : `${assumed.length} places`;
    warnings.push({
      kind: 'assumed-method',
      message: `The HTTP method is not visible in the code at ${places}; Intercom takes only one method on ${assumed.length === 1 ? 'that path' : 'those paths'}, so it was assumed.`,
      findings: assumed,
    });
  }
  return warnings;
}

/** The checklist for the chosen capabilities and the findings of a scan. */
export function buildChecklist(input: ChecklistInput): Checklist {
  const chosen = new Set(input.capabilities.map((c) => c.id));
  const capabilities = CAPABILITIES.filter((c) => chosen.has(c.id));
  const { drafts, counted, setAside } = gather(capabilities, input.findings ?? []);
  const warnings: Warning[] = [];
  const needs = needsOf(drafts, warnings);

  const canvasKit = capabilities.some((c) => c.canvasKit);
  const forced = canvasKit ? CANVAS_KIT_SCOPES : [];
  const onList = [...choose(needs, forced)].sort(byOrder);

  // Each requirement is shown under the ticked scope that meets it, or under the covered scope it names.
  const reasonsOf = new Map<Scope, Reason[]>();
  for (const need of needs) {
    const target = need.options.find((o) => onList.includes(o)) ?? need.options.find((o) => onList.some((s) => covers(s, o)))!;
    reasonsOf.set(target, [...(reasonsOf.get(target) ?? []), need.reason]);
  }
  const items: ChecklistItem[] = onList.map((scope) => {
    const reasons = reasonsOf.get(scope) ?? [];
    const isForced = forced.includes(scope);
    const documented = isForced || reasons.some((r) => r.evidence === 'documented');
    return { scope, confidence: documented ? 'documented' : 'inferred', canvasKit: isForced, reasons };
  });
  const leftOut: LeftOutScope[] = [...reasonsOf.keys()]
    .filter((s) => !onList.includes(s))
    .sort(byOrder)
    .map((scope) => ({ scope, coveredBy: onList.find((o) => covers(o, scope))!, reasons: reasonsOf.get(scope)! }));

  // Warnings about the checklist itself come first.
  const inferredOnly: Warning[] = items
    .filter((i) => i.confidence === 'inferred')
    .map((i) => ({
      kind: 'inferred-only',
      message: `"${i.scope.label}" rests only on inferred mappings (${i.reasons.map((r) => r.subject).join(', ')}); confirm it in Intercom's docs before you submit the app.`,
      findings: [],
    }));

  return {
    sections: SECTIONS.map((section) => ({ section, items: items.filter((i) => i.scope.section === section.id) })),
    leftOut,
    warnings: [...inferredOnly, ...warnings, ...codeWarnings(counted)],
    capabilities,
    canvasKit,
    findings: counted,
    setAside,
    ...(input.scan && { scan: input.scan }),
  };
}
