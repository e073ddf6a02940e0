// "Create Redirect Bridge Page": writes the static HTTPS page the user hosts and registers as the
// redirect URL in the Developer Hub, with this extension's id and the user's extra hosts baked in.
import * as vscode from 'vscode';
import { renderBridgePage } from '../../bridge/render';
import { bridgeConfigProblem } from '../../bridge/target';
import { checkRedirectUrl } from '../../connect/authorize';
import { updateUserSetting } from '../../host/config';
import type { Services } from '../../host/services';
import { fileExists } from '../fileExists';

export const BRIDGE_FILE_NAME = 'intercom-redirect-bridge.html';

const splitHosts = (text: string) => text.split(/[\s,]+/).map((h) => h.trim().toLowerCase()).filter(Boolean);

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function createRedirectBridge(services: Services): Promise<vscode.Uri | undefined> {
  const { context, ui, log } = services;
  const extensionId = context.extension.id;
  const hostsText = await ui.current.input({
    title: vscode.l10n.t('Create Redirect Bridge Page (1/2)'),
    prompt: vscode.l10n.t('The page forwards only to VS Code desktop editors, localhost, vscode.dev and codespaces (<name>.github.dev). Add the hosts of other web editors you use (for example a code-server at code.example.com), separated by commas, or leave empty. *.example.com covers one name before example.com.'),
    placeHolder: 'code.example.com, *.dev.example.com',
    validateInput: (v) => bridgeConfigProblem({ extensionId, extraHosts: splitHosts(v) }),
  });
  if (hostsText === undefined) return undefined;
  const folder = await ui.current.openFolder({ title: vscode.l10n.t('Create Redirect Bridge Page (2/2): folder to write the page into'), openLabel: vscode.l10n.t('Write Page Here') });
  if (!folder) return undefined;

  const target = vscode.Uri.joinPath(folder, BRIDGE_FILE_NAME);
  if (await fileExists(target)) {
    const replace = vscode.l10n.t('Replace');
    if ((await ui.current.message('warning', vscode.l10n.t('{0} already exists in that folder. Replace it?', BRIDGE_FILE_NAME), replace)) !== replace) return undefined;
  }
  const html = renderBridgePage({
    template: await readText(vscode.Uri.joinPath(context.extensionUri, 'media', 'redirect-bridge.html')),
    script: await readText(vscode.Uri.joinPath(context.extensionUri, 'dist', 'bridge-page.js')),
    extensionId,
    extraHosts: splitHosts(hostsText),
  });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
  log.info(`Wrote the redirect bridge page to ${target.fsPath}`);
  await services.walkthrough.mark('bridgePageCreated');

  const setUrl = vscode.l10n.t('Set Redirect URL…');
  const reveal = vscode.l10n.t('Open Page');
  const action = await ui.current.message('info', vscode.l10n.t(
    'Wrote {0}. Next: 1) host it at an HTTPS address you control (GitHub Pages, your app\'s domain); 2) register that address in the Developer Hub under Configure > Authentication > Redirect URLs; 3) set it as intercom.oauth.redirectUrl.',
    BRIDGE_FILE_NAME,
  ), setUrl, reveal);
  if (action === reveal) await vscode.commands.executeCommand('vscode.open', target);
  if (action === setUrl) {
    const url = await ui.current.input({
      title: vscode.l10n.t('Redirect URL'),
      prompt: vscode.l10n.t('The HTTPS address where the bridge page is hosted, exactly as registered in the Developer Hub.'),
      placeHolder: `https://example.com/${BRIDGE_FILE_NAME}`,
      validateInput: (v) => ('problem' in checkRedirectUrl(v) ? vscode.l10n.t('Intercom only accepts HTTPS redirect URLs (http is allowed for localhost only).') : undefined),
    });
    const checked = url === undefined ? undefined : checkRedirectUrl(url);
    if (checked && 'url' in checked) await updateUserSetting('oauth.redirectUrl', checked.url);
  }
  return target;
}
