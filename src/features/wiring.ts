// The features behind what activation registered: each feature's composition root, handing its handlers to
// the Registrar. It is dist/features.js (esbuild.mjs), required on the first command, view, tool or callback.
import { httpFactory, type Services } from '../services';
import { ScopeCheckResults } from '../session/scopeChecks';
import { UiHost } from '../ui/ui';
import { activateCanvasKit, type LazyCanvasKit } from './canvasKit';
import { activateConnect, type ConnectFeature } from './connect';
import { PASTE_CALLBACK_COMMAND } from './connect/commandIds';
import type { Core } from './core';
import { activateExplorer, type ExplorerFeature } from './explorer';
import { activateRequests } from './requests';
import { activateScopes } from './scopes';
import { activateWebhooks, type LazyWebhooks } from './webhooks';
import { activateWorkspace, type WorkspaceFeature } from './workspace';

export interface Features {
  services: Services;
  connect: ConnectFeature;
  workspace: WorkspaceFeature;
  webhooks: LazyWebhooks;
  explorer: ExplorerFeature;
  canvasKit: LazyCanvasKit;
}

/** Adds to the core what only features use, then wires each feature. */
export function wireFeatures({ services: core, status }: Core): Features {
  const { context, log, redactor } = core;
  const scopeChecks = new ScopeCheckResults(context.globalState);
  context.subscriptions.push(scopeChecks);
  const services: Services = {
    ...core,
    ui: new UiHost((text) => redactor.redact(text), [`command:${PASTE_CALLBACK_COMMAND}`]),
    scopeChecks,
    http: httpFactory(log, redactor, context.extension.packageJSON.version),
  };
  const connect = activateConnect(services);
  const workspace = activateWorkspace(services, status);
  activateScopes(services);
  const webhooks = activateWebhooks(services);
  const explorer = activateExplorer(services);
  activateRequests(services);
  const canvasKit = activateCanvasKit(services);
  return { services, connect, workspace, webhooks, explorer, canvasKit };
}
