// The base bundle (dist/base.js): the log, the sessions and their authentication provider, the walkthrough, the status bar.
import * as vscode from 'vscode';
import { redactedLog } from '../log';
import { Redactor } from '../secrets/redact';
import type { BaseServices } from '../host/services';
import type { IntercomSession } from '../session/model';
import { SessionStore } from '../host/session/store';
import { IntercomAuthenticationProvider } from './connect/authProvider';
import { markStepsDoneBefore } from './walkthrough/doneBefore';
import { WalkthroughProgress } from './walkthrough/progress';
import { WorkspaceStatus } from './workspace/statusBar';

export interface Base {
  services: BaseServices;
  status: WorkspaceStatus;
  auth: IntercomAuthenticationProvider;
  showLog(): void;
}

/** `createSession` runs a Connect for another extension's createSession (it needs the Connect bundle). */
export function createBase(context: vscode.ExtensionContext, activatedAt: number, createSession: () => Promise<IntercomSession>): Base {
  // Created by the first log line (or Show Log): a session that logs nothing never pays for the channel.
  let channel: vscode.LogOutputChannel | undefined;
  const logChannel = () => (channel ??= vscode.window.createOutputChannel('Intercom', { log: true }));
  const redactor = new Redactor();
  const log = redactedLog(logChannel, (text) => redactor.redact(text));
  const sessions = new SessionStore(context.secrets, log, redactor);
  const walkthrough = new WalkthroughProgress();
  const auth = new IntercomAuthenticationProvider(sessions, createSession);
  const status = new WorkspaceStatus(context.globalState, sessions);
  context.subscriptions.push({ dispose: () => channel?.dispose() }, sessions, walkthrough, auth, status);
  const services: BaseServices = { context, log, redactor, sessions, walkthrough, activatedAt };
  void markStepsDoneBefore(services);
  return { services, status, auth, showLog: () => logChannel().show() };
}
