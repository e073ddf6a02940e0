// Findings cross the thread boundary as structured clones, which copy objects and so lose the identity
// of the rules they point at (the planner and capabilities compare rules by identity). On the wire a
// rule is its index in the rule tables both threads load.
import type { Finding } from '../finding';
import { OPERATION_RULES } from '../operations';
import type { FileState } from '../scanState';
import { TOPIC_RULES } from '../topics';

export type WireFinding =
  | (Omit<Extract<Finding, { kind: 'rest' | 'sdk' }>, 'rules'> & { rules: number[] })
  | (Omit<Extract<Finding, { kind: 'webhook' }>, 'rule'> & { rule: number });

/** What a pass learnt about one file (see ScanState.apply), as it crosses. */
export type WireOutcome = Omit<Partial<FileState>, 'findings'> & { findings?: WireFinding[] };

const indexOf = <T>(table: readonly T[], item: T): number => {
  const index = table.indexOf(item);
  if (index < 0) throw new Error('a finding points at a rule outside the rule tables');
  return index;
};

export function toWire(outcome: Partial<FileState>): WireOutcome {
  const { findings } = outcome;
  if (!findings?.length) return outcome as WireOutcome;
  return {
    ...outcome,
    findings: findings.map((f): WireFinding => (f.kind === 'webhook'
      ? { ...f, rule: indexOf(TOPIC_RULES, f.rule) }
      : { ...f, rules: f.rules.map((r) => indexOf(OPERATION_RULES, r)) })),
  };
}

export function fromWire(outcome: WireOutcome): Partial<FileState> {
  const { findings } = outcome;
  if (!findings?.length) return outcome as Partial<FileState>;
  return {
    ...outcome,
    findings: findings.map((f): Finding => (f.kind === 'webhook'
      ? { ...f, rule: TOPIC_RULES[f.rule] }
      : { ...f, rules: f.rules.map((r) => OPERATION_RULES[r]) })),
  };
}

/** A pass's outcomes as they cross: most files hold no finding and nothing else, and cross as their index. */
export interface WireOutcomes {
  readonly empty: number[];
  readonly others: [number, WireOutcome][];
}

const isEmpty = (outcome: Partial<FileState>): boolean =>
  outcome.findings?.length === 0 && outcome.unknownCalls?.length === 0 && Object.keys(outcome).length === 2;

export function addOutcome(outcomes: WireOutcomes, index: number, outcome: Partial<FileState>): void {
  if (isEmpty(outcome)) outcomes.empty.push(index);
  else outcomes.others.push([index, toWire(outcome)]);
}

/** Hands each outcome, as it was before crossing, to `apply`. */
export function applyOutcomes(outcomes: WireOutcomes, apply: (index: number, outcome: Partial<FileState>) => void): void {
  for (const index of outcomes.empty) apply(index, { findings: [], unknownCalls: [] });
  for (const [index, outcome] of outcomes.others) apply(index, fromWire(outcome));
}
