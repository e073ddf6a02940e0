// Composition root. Activation creates the core services and the authentication provider, and registers
// every contributed command, view and tool with VS Code (./features/registrations). The features' wiring
// behind them (dist/features.js) is required on the first call that needs it; nothing here touches the network.
import * as vscode from 'vscode';
import { AUTH_PROVIDER_ID, IntercomAuthenticationProvider } from './features/connect/authProvider';
import { PASTE_CALLBACK_COMMAND } from './features/connect/commandIds';
import { Registrations, type Contributions } from './features/registrations';
import { markStepsDoneBefore } from './features/walkthrough/doneBefore';
import { WalkthroughProgress } from './features/walkthrough/progress';
import type * as Wiring from './features/wiring';
import { WorkspaceStatus } from './features/workspace/statusBar';
import { redactedLog } from './log';
import { Redactor } from './secrets/redact';
import type { CoreServices } from './services';
import { SessionStore } from './session/store';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadWiring = () => require('./features/wiring.js') as typeof Wiring;

/** How each view is created (the rest of it is in package.json). */
const VIEW_OPTIONS: Readonly<Record<string, { showCollapseAll?: boolean }>> = {
  'intercom.workspace': { showCollapseAll: true },
  'intercom.api': { showCollapseAll: true },
};

interface Manifest {
  contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]>; languageModelTools: { name: string }[] };
}

function contributionsOf({ contributes }: Manifest): Contributions {
  return {
    // The paste command is offered from the "Waiting for Intercom" notice, not the palette.
    commands: [...contributes.commands.map((c) => c.command), PASTE_CALLBACK_COMMAND],
    views: Object.values(contributes.views).flat().map(({ id }) => ({ id, options: VIEW_OPTIONS[id] })),
    tools: contributes.languageModelTools.map((t) => t.name),
  };
}

export function activate(context: vscode.ExtensionContext) {
  // Created by the first log line (or Show Log): a session that logs nothing never pays for the channel.
  let channel: vscode.LogOutputChannel | undefined;
  const logChannel = () => (channel ??= vscode.window.createOutputChannel('Intercom', { log: true }));
  const redactor = new Redactor();
  const redact = (text: string) => redactor.redact(text);
  const log = redactedLog(logChannel, redact);
  const sessions = new SessionStore(context.secrets, log, redactor);
  const walkthrough = new WalkthroughProgress();
  // Created right after activation (or by whatever needs it first): its first read of the sessions need not
  // hold activation up.
  let status: WorkspaceStatus | undefined;
  const workspaceStatus = () => (status ??= new WorkspaceStatus(context.globalState, sessions));

  let features: Wiring.Features | undefined;
  const wired = () => (features ??= loadWiring().wireFeatures(core, workspaceStatus));
  const contributions = contributionsOf(context.extension.packageJSON as Manifest);
  const registrations = new Registrations(contributions, () => void wired(), context.subscriptions);
  const core: CoreServices = { context, log, redactor, sessions, walkthrough, register: registrations, activatedAt: Date.now() };
  const auth = new IntercomAuthenticationProvider(sessions, () => wired().connect.createSession());
  context.subscriptions.push(
    { dispose: () => channel?.dispose() }, { dispose: () => status?.dispose() }, sessions, walkthrough, auth,
    vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, 'Intercom', auth, { supportsMultipleAccounts: true }),
    registrations.command('intercom.showLog', () => logChannel().show()),
  );
  // After activation: the status bar, and the walkthrough's earlier steps (the first settings read costs
  // milliseconds that activation need not wait for).
  const timer = setTimeout(() => {
    workspaceStatus();
    void markStepsDoneBefore(core);
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });

  // Extension-host tests drive prompts and read state through this; nothing is exported otherwise.
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    return {
      sessions, secrets: context.secrets, logUri: context.logUri, walkthrough,
      /** The status bar's text, read without wiring the features (undefined until it is shown). */
      get statusText() { return status?.item.text; },
      get ui() { return wired().services.ui; },
      get oauth() { return wired().connect.oauth; },
      get workspace() { return wired().workspace; },
      get webhooks() { return wired().webhooks; },
      get explorer() { return wired().explorer; },
      unhandledCommands: () => { wired(); return registrations.unhandled(contributions); },
    };
  }
  return undefined;
}

export function deactivate(): void {}
