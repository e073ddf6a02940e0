// The features bundle (dist/features.js): the services only features use, and the Workspace view.
import { httpFactory, type Services } from '../host/services';
import { ScopeCheckResults } from '../host/session/scopeChecks';
import { UiHost } from '../host/ui';
import type { Host } from './bundles';
import { PASTE_CALLBACK_COMMAND } from './connect/commandIds';
import { activateWorkspace, type WorkspaceFeature } from './workspace';

export interface FeatureServices {
  services: Services;
  workspace: WorkspaceFeature;
}

export function createFeatureServices(host: Host): FeatureServices {
  const { services: base, status } = host.lazy('base');
  const { context, log, redactor } = base;
  const scopeChecks = new ScopeCheckResults(context.globalState);
  context.subscriptions.push(scopeChecks);
  const services: Services = {
    ...base,
    ui: new UiHost((text) => redactor.redact(text), [`command:${PASTE_CALLBACK_COMMAND}`]),
    scopeChecks,
    http: httpFactory(() => host.lazy('http'), log, redactor, context.extension.packageJSON.version),
  };
  return { services, workspace: activateWorkspace(services, status, host.view('intercom.workspace'), (error, token) => host.lazy('connect').explain(error, 'me', token)) };
}
