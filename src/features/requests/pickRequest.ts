// Asks for what a request file or a snippet needs with Call API's prompts: the operation (unless a view
// row names it), its path and query parameters; adds the host and version in use. Asks nothing secret.
import { startHosts } from '../../api/hosts';
import { readSettings } from '../../host/config';
import { loadCatalog, type Operation } from '../../explorer/catalog';
import { prefilled } from '../../explorer/prefill';
import { bodyTemplate, isWrite } from '../../explorer/call';
import type { RequestInput } from '../../requests/request';
import { currentSession } from '../../host/session/current';
import type { Services } from '../../host/services';
import type { ApiNode } from '../explorer/apiTree';
import { pickOperation, promptTarget } from '../explorer/callApi';

/** A row of the API view carries its operation. */
function operationOf(arg: unknown): Operation | undefined {
  const node = arg as ApiNode | undefined;
  return node?.kind === 'operation' ? node.operation : undefined;
}

/** The host: the current workspace's region host when one is connected, else the settings' start host. */
async function apiBase(services: Services): Promise<string> {
  const session = await currentSession(services.context.globalState, services.sessions);
  if (session) return session.apiBase;
  const settings = readSettings();
  return startHosts(settings.region, settings.overrides).apiBase;
}

export interface PickedRequest {
  operation: Operation;
  input: RequestInput;
}

/**
 * The operation (a view row's, a call's in the code with the version it uses and the values it writes, or
 * picked), its path and query parameters, and a body template for a write. Undefined: cancelled.
 */
export async function pickRequest(services: Services, arg: unknown, title: string): Promise<PickedRequest | undefined> {
  const ui = services.ui.current;
  const fromCode = prefilled(loadCatalog(), arg);
  const version = fromCode?.version ?? readSettings().apiVersion;
  const operation = fromCode?.operation ?? operationOf(arg) ?? (await pickOperation(ui, loadCatalog().operations(version), version, title));
  if (!operation) return undefined;
  const target = await promptTarget(ui, operation, fromCode?.values);
  if (!target) return undefined;
  // A template, not an editor to fill in first: the request file or snippet is edited where it lands.
  const body: unknown = isWrite(operation.method) && operation.bodyFields.length > 0 ? JSON.parse(bodyTemplate(operation.bodyFields)) : undefined;
  return { operation, input: { call: { ...target, body }, apiBase: await apiBase(services), version } };
}
