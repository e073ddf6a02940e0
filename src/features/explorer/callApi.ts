// The prompts of "Call API…": which operation, and its path and query parameters. A write's JSON body is
// edited in its own document (bodyDocuments.ts).
import * as vscode from 'vscode';
import type { ApiCall } from '../../api/call';
import { matchesFilter, operationLabel } from '../../explorer/browse';
import { fillPath, pathValueProblem } from '../../explorer/call';
import type { Operation } from '../../explorer/catalog';
import type { PrefilledValues } from '../../explorer/prefill';
import type { Ui } from '../../host/ui';
import { permissionText } from './apiTree';

type OperationItem = vscode.QuickPickItem & { operation: Operation };

export async function pickOperation(ui: Ui, operations: readonly Operation[], version: string, title = vscode.l10n.t('Call API (Intercom-Version {0})', version)): Promise<Operation | undefined> {
  const items = operations.map((operation): OperationItem => ({
    label: `${operation.method} ${operation.path}`,
    description: operationLabel(operation),
    detail: `${operation.tag} · ${permissionText(operation.permission)}`,
    operation,
  }));
  // The API view's filter: every word anywhere in method, path, operation, tag or permission ("POST /contacts create").
  const picked = await ui.search(items, { title, placeHolder: vscode.l10n.t('Words of the method, path or operation, e.g. POST /contacts create') }, (item, text) => matchesFilter(item.operation, text));
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
