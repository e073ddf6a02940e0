// Registers "Generate Scope Checklist". The checklist (scan, scope catalog, renderer) is dist/scopes.js
// (esbuild.mjs), loaded on the command's first run, never at activation.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import type * as Checklist from './checklist';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadChecklist = () => require('./checklist.js') as typeof Checklist;

export function activateScopes(services: Services): void {
  let checklist: Checklist.ScopeChecklist | undefined;
  services.context.subscriptions.push(
    vscode.commands.registerCommand('intercom.generateScopeChecklist', () => (checklist ??= new (loadChecklist().ScopeChecklist)(services)).generate()),
    { dispose: () => checklist?.dispose() },
  );
}
