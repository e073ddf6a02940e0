// Hands over "Generate Scope Checklist" and the read-only intercom_required_scopes language-model tool. The
// checklist (scan, scope catalog, renderer) is dist/scopes.js (esbuild.mjs), loaded on first use.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import type * as Checklist from './checklist';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadChecklist = () => require('./checklist.js') as typeof Checklist;

export function activateScopes(services: Services): void {
  let checklist: Checklist.ScopeChecklist | undefined;
  const instance = () => (checklist ??= new (loadChecklist().ScopeChecklist)(services));
  services.context.subscriptions.push(
    services.register.command('intercom.generateScopeChecklist', () => instance().generate()),
    services.register.tool('intercom_required_scopes', {
      invoke: async (_options, token) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(JSON.stringify(await instance().plan(token), null, 2))]),
    }),
    { dispose: () => checklist?.dispose() },
  );
}
