// Asks for what a request file or a snippet needs: the operation (unless a view row names it), its
// path slots, the query parameters wanted, and the host and version in use. Asks nothing secret.
import * as vscode from 'vscode';
import { startHosts } from '../../api/hosts';
import { readSettings } from '../../config';
import { loadCatalog, type Operation } from '../../explorer/catalog';
import { bodyTemplate, fillPath } from '../../explorer/call';
import type { RequestInput } from '../../requests/request';
import { currentSession } from '../../session/current';
import type { Services } from '../../services';

/** An operation a command was given: the operation itself, or a view row that carries one. */
export function operationOf(arg: unknown): Operation | undefined {
  const isOperation = (v: unknown): v is Operation =>
    typeof v === 'object' && v !== null && typeof (v as Operation).method === 'string' && typeof (v as Operation).path === 'string' && Array.isArray((v as Operation).parameters);
  if (isOperation(arg)) return arg;
  const carried = (arg as { operation?: unknown } | undefined)?.operation;
  return isOperation(carried) ? carried : undefined;
}

async function pickOperation(services: Services, version: string, title: string): Promise<Operation | undefined> {
  const operations = loadCatalog().operations(version);
  if (operations.length === 0) {
    void services.ui.current.message('warning', vscode.l10n.t('The API catalog has no operations for version {0}. Set intercom.apiVersion to a published version (2.7 to 2.16, or Preview).', version));
    return undefined;
  }
  const items = operations.map((operation) => ({ label: `${operation.method} ${operation.path}`, description: operation.operationId, detail: operation.tag, operation }));
  const picked = await services.ui.current.pick(items, { title, placeHolder: vscode.l10n.t('Operation in API version {0}', version), matchOnDescription: true, matchOnDetail: true });
  return picked?.operation;
}

async function askValue(services: Services, title: string, name: string, required: boolean): Promise<string | undefined> {
  return services.ui.current.input({
    title,
    prompt: required ? vscode.l10n.t('Value for {0} (required)', name) : vscode.l10n.t('Value for {0}', name),
    validateInput: (value) => (required && !value.trim() ? vscode.l10n.t('{0} needs a value.', name) : undefined),
  });
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

/** Undefined when the person cancels any step. */
export async function pickRequest(services: Services, arg: unknown, title: string): Promise<PickedRequest | undefined> {
  const version = readSettings().apiVersion;
  const operation = operationOf(arg) ?? (await pickOperation(services, version, title));
  if (!operation) return undefined;
  const pathParams: Record<string, string> = {};
  for (const slot of operation.path.match(/\{[^{}]+\}/g) ?? []) {
    const name = slot.slice(1, -1);
    const value = await askValue(services, title, name, true);
    if (value === undefined) return undefined;
    pathParams[name] = value.trim();
  }
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const optional = queryParams.filter((p) => !p.required);
  let wanted = queryParams.filter((p) => p.required);
  if (optional.length > 0) {
    const picked = await services.ui.current.pick(optional.map((p) => ({ label: p.name, parameter: p })), {
      title, canPickMany: true, placeHolder: vscode.l10n.t('Optional query parameters to include (none is fine)'),
    });
    if (!picked) return undefined;
    wanted = [...wanted, ...picked.map((i) => i.parameter)];
  }
  const query: Record<string, string> = {};
  for (const parameter of wanted) {
    const value = await askValue(services, title, parameter.name, parameter.required);
    if (value === undefined) return undefined;
    query[parameter.name] = value;
  }
  const body: unknown = operation.bodyFields.length > 0 ? JSON.parse(bodyTemplate(operation.bodyFields)) : undefined;
  const call = { method: operation.method, path: fillPath(operation.path, pathParams), query, body };
  return { operation, input: { call, apiBase: await apiBase(services), version } };
}
