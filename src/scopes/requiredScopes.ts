// What the intercom_required_scopes tool answers for a scan: the permissions the code needs (its capabilities
// preselected from the findings, as the checklist's are), each with the operations and code behind it, and what
// the scan leaves to the developer. A call whose method the code does not show is only ever in `checkByHand`.

import { capabilitiesForFindings } from './capabilities';
import { matchOperation, operationText } from './operations';
import { buildChecklist } from './plan';
import { needsOfRules } from './render';
import type { ScanResult } from './scanState';

/** Code places cited per reason: enough to find the rest. */
const CITED = 5;

export function requiredScopes(scan: ScanResult, folders: readonly string[]): object {
  const { findings } = scan;
  const checklist = buildChecklist({ capabilities: capabilitiesForFindings(findings), findings, scan });
  return {
    folder: folders,
    apiUsesFound: findings.length,
    capabilities: checklist.capabilities.map((c) => c.label),
    permissions: checklist.sections.flatMap((s) => s.items.map((i) => ({
      permission: i.scope.label,
      section: s.section,
      confidence: i.confidence,
      because: i.reasons.map((r) => ({ [r.kind]: r.subject, code: r.findings.slice(0, CITED).map((f) => `${f.file}:${f.line}`) })),
    }))),
    warnings: checklist.warnings.map((w) => w.kind),
    checkByHand: {
      filesWithNoCallFound: scan.checkByHand,
      sdkCallsOfUnknownMethods: scan.unknownCalls.map((c) => ({ code: `${c.file}:${c.line}`, call: c.call })),
      callsWhoseMethodDecides: scan.unseenMethods.map((u) => ({
        code: `${u.file}:${u.line}`,
        candidates: u.methods.map((method) => {
          const operation = { method, ...u.target };
          return { operation: operationText(operation), needs: needsOfRules(matchOperation(operation, true)) };
        }),
      })),
    },
  };
}
