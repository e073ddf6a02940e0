// What only features use, added to the core, and the Workspace view's feature. It is dist/features.js
// (esbuild.mjs); every other feature's bundle is created with its services.
import { httpFactory, type Services } from '../host/services';
import { ScopeCheckResults } from '../host/session/scopeChecks';
import { UiHost } from '../host/ui';
import type { Host } from './bundles';
import { PASTE_CALLBACK_COMMAND } from './connect/commandIds';
import { activateWorkspace, type WorkspaceFeature } from './workspace';

export interface Features {
  services: Services;
  workspace: WorkspaceFeature;
}

export function wireFeatures(host: Host): Features {
  const { services: core, status } = host.lazy('core');
  const { context, log, redactor } = core;
  const scopeChecks = new ScopeCheckResults(context.globalState);
  context.subscriptions.push(scopeChecks);
  const services: Services = {
    ...core,
    ui: new UiHost((text) => redactor.redact(text), [`command:${PASTE_CALLBACK_COMMAND}`]),
    scopeChecks,
    http: httpFactory(() => host.lazy('http'), log, redactor, context.extension.packageJSON.version),
  };
  return { services, workspace: activateWorkspace(services, status, host.view('intercom.workspace'), (error, token) => host.lazy('connect').explain(error, 'me', token)) };
}
