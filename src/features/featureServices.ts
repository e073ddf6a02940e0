// The features bundle (dist/features.js): the services only features use, and the Workspace view.
import type * as vscode from 'vscode';
import type * as HttpModule from '../api/http';
import { httpFactory, type Services } from '../host/services';
import { ScopeCheckResults } from '../host/session/scopeChecks';
import { UiHost } from '../host/ui';
import type { IntercomSession } from '../session/model';
import type { Base } from './base';
import { PASTE_CALLBACK_COMMAND } from './connect/commandIds';
import type { Explained } from './connect/messages';
import { activateWorkspace, type WorkspaceFeature } from './workspace';
import type { WorkspaceNode } from './workspace/tree';

export interface FeatureServices {
  services: Services;
  workspace: WorkspaceFeature;
}

/** What the features bundle is made of: the base bundle, the Workspace view, and what loads other bundles. */
export interface FeatureParts {
  base: Base;
  workspaceView: vscode.TreeView<WorkspaceNode>;
  /** The HTTP bundle, loaded on first call. */
  http: () => typeof HttpModule;
  /** Connect's explanation of a failed /me (it loads the Connect bundle). */
  explainMe: (error: unknown, token: IntercomSession['kind']) => Explained;
}

export function createFeatureServices({ base: { services: base, status }, workspaceView, http, explainMe }: FeatureParts): FeatureServices {
  const { context, log, redactor } = base;
  const scopeChecks = new ScopeCheckResults(context.globalState);
  context.subscriptions.push(scopeChecks);
  const services: Services = {
    ...base,
    ui: new UiHost((text) => redactor.redact(text), [`command:${PASTE_CALLBACK_COMMAND}`]),
    scopeChecks,
    http: httpFactory(http, log, redactor, context.extension.packageJSON.version),
  };
  return { services, workspace: activateWorkspace(services, status, workspaceView, explainMe) };
}
