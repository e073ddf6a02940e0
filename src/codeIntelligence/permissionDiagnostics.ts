// Permission diagnostic: the stored scope check found every permission a call needs missing from the
// connected token. Not in test code (the checklist ignores it too), and not for a call whose method
// the code does not show: its permission would be a guess.
import { permissionMark } from '../explorer/browse';
import type { CheckResults } from '../scopes/checkReport';
import type { CallSite } from './callSites';
import { ADD_TO_CHECKLIST, RUN_SCOPE_CHECK } from './commands';
import { diagnostic, type CodeDiagnostic } from './model';

export function permissionDiagnostics(site: CallSite, checks: CheckResults | undefined, inTestFile: boolean): CodeDiagnostic[] {
  const { permission } = site;
  if (inTestFile || !site.methodSeen || !Array.isArray(permission) || permissionMark(permission, checks) !== 'missing') return [];
  const needed = permission.map((label) => `"${label}"`).join(' or ');
  const subject = `${site.operation.method} ${site.catalog?.operation.path ?? site.operation.path}`;
  // The first label is the narrowest the mapping names: the one to ask for.
  const label = permission[0];
  return [diagnostic('intercom.permission-missing', site.range, 'warning',
    `The last scope check found ${needed} missing from the connected token; ${subject} needs it. Add it to the app in the Developer Hub, then connect again.`,
    [
      { kind: 'command', title: `Add "${label}" to the scope checklist`, command: ADD_TO_CHECKLIST, arguments: [label] },
      { kind: 'command', title: 'Run the scope check again', command: RUN_SCOPE_CHECK, arguments: [] },
    ])];
}
