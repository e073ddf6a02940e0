// The base bundle (dist/base.js): the log, the sessions and their authentication provider, the walkthrough, the status bar.
import * as vscode from 'vscode';
import { redactedLog } from '../log';
import { Redactor } from '../secrets/redact';
import type { BaseServices } from '../host/services';
import type { Host } from './bundles';
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

export function createBase({ context, activatedAt, lazy }: Host): Base {
  // Created by the first log line (or Show Log): a session that logs nothing never pays for the channel.
  let channel: vscode.LogOutputChannel | undefined;
  const logChannel = () => (channel ??= vscode.window.createOutputChannel('Intercom', { log: true }));
  const redactor = new Redactor();
  const log = redactedLog(logChannel, (text) => redactor.redact(text));
  const sessions = new SessionStore(context.secrets, log, redactor);
  const walkthrough = new WalkthroughProgress();
  // Another extension's createSession runs a Connect (it needs the features).
  const auth = new IntercomAuthenticationProvider(sessions, () => lazy('connect').createSession());
  const status = new WorkspaceStatus(context.globalState, sessions);
  context.subscriptions.push({ dispose: () => channel?.dispose() }, sessions, walkthrough, auth, status);
  const services: BaseServices = { context, log, redactor, sessions, walkthrough, activatedAt };
  void markStepsDoneBefore(services);
  return { services, status, auth, showLog: () => logChannel().show() };
}
