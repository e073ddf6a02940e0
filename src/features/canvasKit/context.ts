// The context each simulated request carries: the connected workspace's id, region and admin (from the
// last /me, no request made), else the sample; then the folder's .intercom/canvas/context.json on top.
import * as vscode from 'vscode';
import { connectedContext, sampleContext, type CanvasContext } from '../../canvasKit/context';
import { applyContextFile, CONTEXT_FILE, parseContextFile, type ContextFileProblem } from '../../canvasKit/contextFile';
import type { Services } from '../../host/services';

export interface LoadedContext {
  context: CanvasContext;
  /** Where it came from, for the panel. */
  source: string;
  problems: ContextFileProblem[];
}

export const contextFileUri = (): vscode.Uri | undefined => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder && vscode.Uri.joinPath(folder.uri, ...CONTEXT_FILE.split('/'));
};

/** What Edit context writes when the folder has no context file yet: the keys people change most. */
export function starterContextFile(context: CanvasContext): string {
  return `${JSON.stringify({
    locale: context.locale,
    messenger_action_colour: context.messengerActionColour,
    messenger_background_colour: context.messengerBackgroundColour,
    referrer: context.referrer,
    user: { name: context.user.name, email: context.user.email },
  }, null, 2)}\n`;
}

export async function loadContext(services: Services): Promise<LoadedContext> {
  const [session] = await services.sessions.list();
  const base = session ? connectedContext(session.me) : sampleContext();
  const source = session ? vscode.l10n.t('workspace {0} ({1}), admin from /me', base.workspaceId, base.workspaceRegion) : vscode.l10n.t('the sample workspace (not connected)');
  const uri = contextFileUri();
  if (!uri) return { context: base, source, problems: [] };
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return { context: base, source, problems: [] };
  }
  const file = parseContextFile(text);
  return { context: applyContextFile(base, file), source: `${source} + ${CONTEXT_FILE}`, problems: file.problems };
}
