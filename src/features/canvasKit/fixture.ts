// "Save response as fixture": a reply kept under .intercom/canvas/, where the Canvas Kit schema checks it
// as it is edited (package.json jsonValidation). The body is the timeline's, secrets redacted.
import * as vscode from 'vscode';
import type { TimelineEntry } from '../../canvasKit/timeline';
import type { Services } from '../../host/services';

export async function saveFixture(services: Services, entry: TimelineEntry): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || !entry.response) {
    void services.ui.current.message('info', vscode.l10n.t('Open a folder first: fixtures are saved in its .intercom/canvas/.'));
    return undefined;
  }
  let text: string;
  try {
    text = `${JSON.stringify(JSON.parse(entry.response.body), null, 2)}\n`;
  } catch {
    void services.ui.current.message('error', vscode.l10n.t('This response is not JSON, so it cannot be a canvas fixture.'));
    return undefined;
  }
  const uri = vscode.Uri.joinPath(folder.uri, '.intercom', 'canvas', `${entry.flow}-${new Date(entry.at).toISOString().replace(/[:.]/g, '-')}.json`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  return uri;
}
