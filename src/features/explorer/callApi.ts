// The prompts of "Call API…": which operation, its path and query parameters, and for a write the JSON body,
// edited in an untitled editor and sent when the person chooses Send.
import * as vscode from 'vscode';
import type { ApiCall } from '../../api/call';
import { operationLabel } from '../../explorer/browse';
import { bodyTemplate, fillPath, isWrite, pathValueProblem } from '../../explorer/call';
import type { Operation } from '../../explorer/catalog';
import type { PrefilledValues } from '../../explorer/prefill';
import type { Ui } from '../../ui/ui';
import { permissionText } from './apiTree';

type OperationItem = vscode.QuickPickItem & { operation: Operation };

export async function pickOperation(ui: Ui, operations: readonly Operation[], version: string, title = vscode.l10n.t('Call API (Intercom-Version {0})', version)): Promise<Operation | undefined> {
  const items = operations.map((operation): OperationItem => ({
    label: `${operation.method} ${operation.path}`,
    description: operationLabel(operation),
    detail: `${operation.tag} · ${permissionText(operation.permission)}`,
    operation,
  }));
  const picked = await ui.pick(items, { title, placeHolder: vscode.l10n.t('Pick an operation'), matchOnDescription: true, matchOnDetail: true });
  return picked?.operation;
}

function pathValueMessage(name: string, value: string): string | undefined {
  switch (pathValueProblem(value)) {
    case 'missing': return vscode.l10n.t('{0} is required', name);
    case 'dotSegment': return vscode.l10n.t('{0} cannot be "{1}": it would move up the path instead of naming one item. Give the id.', name, value);
    default: return undefined;
  }
}

/**
 * Asks each path parameter, then which optional query parameters to set and their values; no body. `values`:
 * what the code writes (a hover's link), offered as the answers. Undefined: cancelled.
 */
export async function promptTarget(ui: Ui, operation: Operation, values?: PrefilledValues): Promise<ApiCall | undefined> {
  const title = `${operation.method} ${operation.path}`;
  const pathValues: Record<string, string> = {};
  for (const p of operation.parameters.filter((x) => x.in === 'path')) {
    const value = await ui.input({ title, prompt: vscode.l10n.t('Path parameter {0}', p.name), value: values?.path[p.name], validateInput: (v) => pathValueMessage(p.name, v.trim()) });
    if (value === undefined) return undefined;
    pathValues[p.name] = value.trim();
  }
  const queryParams = operation.parameters.filter((x) => x.in === 'query');
  const query: Record<string, string> = {};
  if (queryParams.length > 0) {
    const picked = await ui.pick(queryParams.map((p) => ({ label: p.name, description: p.required ? vscode.l10n.t('required') : undefined, picked: p.required || values?.query[p.name] !== undefined })), {
      title, canPickMany: true, placeHolder: vscode.l10n.t('Query parameters to set (none is fine)'),
    });
    if (!picked) return undefined;
    for (const { label } of picked) {
      const value = await ui.input({ title, prompt: vscode.l10n.t('Query parameter {0}', label), value: values?.query[label] });
      if (value === undefined) return undefined;
      query[label] = value;
    }
  }
  return { method: operation.method, path: fillPath(operation.path, pathValues), query };
}

/** promptTarget, then for a write the JSON body, edited in the editor. Undefined: cancelled. */
export async function promptCall(ui: Ui, operation: Operation, values?: PrefilledValues): Promise<ApiCall | undefined> {
  const call = await promptTarget(ui, operation, values);
  if (!call || !isWrite(operation.method) || operation.bodyFields.length === 0) return call;
  const body = await editBody(ui, `${operation.method} ${call.path}`, operation.bodyFields);
  return body === undefined ? undefined : { ...call, body };
}

/** Opens the body template beside the code and waits for Send; the JSON must parse. */
async function editBody(ui: Ui, target: string, fields: readonly string[]): Promise<unknown> {
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: bodyTemplate(fields) });
  await vscode.window.showTextDocument(document, { preview: false });
  const send = vscode.l10n.t('Send');
  for (;;) {
    const answer = await ui.message('info', vscode.l10n.t('Edit the JSON body of {0} in the editor, then choose Send. Fields left null are sent as null; delete the ones you do not need.', target), send);
    if (answer !== send) return undefined;
    try {
      return JSON.parse(document.getText());
    } catch (error) {
      void ui.message('error', vscode.l10n.t('The body is not valid JSON ({0}). Fix it, then choose Send again.', (error as Error).message));
    }
  }
}
