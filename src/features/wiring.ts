// The features behind what activation registered: each feature's composition root, handing its handlers to
// the Registrar. It is dist/features.js (esbuild.mjs), required on the first command, view, tool or callback.
import type { Services } from '../services';
import { activateConnect, type ConnectFeature } from './connect';
import { activateExplorer, type ExplorerFeature } from './explorer';
import { activateRequests } from './requests';
import { activateScopes } from './scopes';
import { activateWebhooks, type LazyWebhooks } from './webhooks';
import { activateWorkspace, type WorkspaceFeature } from './workspace';
import type { WorkspaceStatus } from './workspace/statusBar';

export interface Features {
  connect: ConnectFeature;
  workspace: WorkspaceFeature;
  webhooks: LazyWebhooks;
  explorer: ExplorerFeature;
}

export function wireFeatures(services: Services, status: WorkspaceStatus): Features {
  const connect = activateConnect(services);
  const workspace = activateWorkspace(services, status);
  activateScopes(services);
  const webhooks = activateWebhooks(services);
  const explorer = activateExplorer(services);
  activateRequests(services);
  return { connect, workspace, webhooks, explorer };
}
