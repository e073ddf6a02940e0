// What every feature shares, and what the window shows from the start: the Intercom log behind the redaction
// step, the sessions with the authentication provider over them, the walkthrough's progress and the status
// bar. It is dist/core.js (esbuild.mjs), created right after activation (the status bar) or by the first call
// that needs it, whichever comes first.
import * as vscode from 'vscode';
import { redactedLog } from '../log';
import { Redactor } from '../secrets/redact';
import type { CoreServices, Registrar } from '../services';
import type { IntercomSession } from '../session/model';
import { SessionStore } from '../session/store';
import { AUTH_PROVIDER_ID, IntercomAuthenticationProvider } from './connect/authProvider';
import { markStepsDoneBefore } from './walkthrough/doneBefore';
import { WalkthroughProgress } from './walkthrough/progress';
import { WorkspaceStatus } from './workspace/statusBar';

export interface Core {
  services: CoreServices;
  status: WorkspaceStatus;
}

/** `connect` runs a Connect for another extension's createSession (it needs the features). */
export function createCore(context: vscode.ExtensionContext, register: Registrar, activatedAt: number, connect: () => Promise<IntercomSession>): Core {
  // Created by the first log line (or Show Log): a session that logs nothing never pays for the channel.
  let channel: vscode.LogOutputChannel | undefined;
  const logChannel = () => (channel ??= vscode.window.createOutputChannel('Intercom', { log: true }));
  const redactor = new Redactor();
  const log = redactedLog(logChannel, (text) => redactor.redact(text));
  const sessions = new SessionStore(context.secrets, log, redactor);
  const walkthrough = new WalkthroughProgress();
  const auth = new IntercomAuthenticationProvider(sessions, connect);
  const status = new WorkspaceStatus(context.globalState, sessions);
  register.authenticationProvider(AUTH_PROVIDER_ID, auth);
  context.subscriptions.push(
    { dispose: () => channel?.dispose() }, sessions, walkthrough, auth, status,
    register.command('intercom.showLog', () => logChannel().show()),
  );
  const services: CoreServices = { context, log, redactor, sessions, walkthrough, register, activatedAt };
  void markStepsDoneBefore(services);
  return { services, status };
}
