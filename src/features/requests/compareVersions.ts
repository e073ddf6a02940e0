// "Compare API Versions": pick A and B, scan the folder for the operations its code uses (the scope
// scan's worker), and open the Markdown report with links to the code.
import * as vscode from 'vscode';
import { loadCatalog } from '../../explorer/catalog';
import type { RequestFinding } from '../../scopes/finding';
import { readSettings } from '../../host/config';
import type { Services } from '../../host/services';
import { diffVersions, operationKey } from '../../versions/diff';
import { renderVersionReport } from '../../versions/report';
import { scanFolder, type FolderScan } from '../scopes/scanFolder';

/** The scan reads every source file: only in a trusted window with folders on disk. */
const canScan = () =>
  vscode.workspace.isTrusted && (vscode.workspace.workspaceFolders?.length ?? 0) > 0 && vscode.workspace.workspaceFolders!.every((f) => f.uri.scheme === 'file');

async function pickVersion(services: Services, versions: readonly string[], title: string, placeHolder: string, current?: string): Promise<string | undefined> {
  const items = [...versions].reverse().map((version) => ({ label: version, description: version === current ? vscode.l10n.t('in use (intercom.apiVersion)') : undefined }));
  return (await services.ui.current.pick(items, { title, placeHolder }))?.label;
}

/** Undefined when cancelled. */
async function scan(services: Services): Promise<FolderScan | undefined> {
  return services.ui.current.progress(vscode.l10n.t('Scanning the folder for Intercom API use'), (progress, token) =>
    scanFolder(services.log, services.context.extensionUri, progress, token).then((s) => (s.result.cancelled || token.isCancellationRequested ? undefined : s)));
}

export async function compareVersions(services: Services): Promise<vscode.TextDocument | undefined> {
  const { ui } = services;
  const catalog = loadCatalog();
  const title = vscode.l10n.t('Compare API Versions');
  const inUse = readSettings().apiVersion;
  const from = await pickVersion(services, catalog.versions, title, vscode.l10n.t('From version (A)'), inUse);
  if (!from) return undefined;
  const to = await pickVersion(services, catalog.versions.filter((v) => v !== from), title, vscode.l10n.t('To version (B), compared with {0}', from), inUse);
  if (!to) return undefined;

  let findings: RequestFinding[] = [];
  let files = new Map<string, vscode.Uri>();
  if (canScan()) {
    const scanned = await scan(services);
    if (!scanned) return undefined;
    findings = scanned.result.findings.filter((f): f is RequestFinding => f.kind !== 'webhook');
    files = scanned.files;
  } else {
    void ui.current.message('info', vscode.l10n.t('The report lists every change, but not the operations your code uses: scanning needs a trusted folder on disk.'));
  }
  const before = catalog.operations(from);
  const markdown = renderVersionReport({
    from, to,
    diff: diffVersions(before, catalog.operations(to)),
    fromKeys: new Set(before.map(operationKey)),
    findings,
    // The report is an untitled document, so links are absolute: the file's URI and its line.
    link: (f) => `${files.get(f.file)?.toString() ?? f.file}#L${f.line}`,
    source: `${catalog.source.url} at ${catalog.source.commit.slice(0, 7)}`,
  });
  services.log.info(`Compared API versions ${from} and ${to}: ${findings.length} uses in code`);
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: `${markdown}\n` });
  await vscode.window.showTextDocument(document);
  return document;
}
