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
