// Composition root. Activation registers every contributed command, language-model tool and authentication
// provider, and the URI handler (./features/registrations), and nothing else; the views right after it. What answers
// them is required on the first call that needs it: the core (dist/core.js: the log, the sessions, the
// status bar), also created right after activation for the status bar, then the features' wiring behind it
// (dist/features.js). Nothing here touches the network.
// Loaded at activation: `import = require` leaves a plain require of the API in dist/extension.js (esbuild.mjs).
import vscode = require('vscode');
import { PASTE_CALLBACK_COMMAND } from './features/connect/commandIds';
import type * as CodeIntelligence from './features/codeIntelligence/languageFeatures';
import { watchForIntercom } from './features/codeIntelligence/firstLook';
import type * as CoreBundle from './features/core';
import { Registrations, type Contributions } from './features/registrations';
import type * as Wiring from './features/wiring';

/* eslint-disable @typescript-eslint/no-require-imports */
const loadCore = () => require('./features/core.js') as typeof CoreBundle;
const loadWiring = () => require('./features/wiring.js') as typeof Wiring;
const loadCodeIntelligence = () => require('./features/codeIntelligence/languageFeatures.js') as typeof CodeIntelligence;
/* eslint-enable @typescript-eslint/no-require-imports */

/** How each view and authentication provider is registered (the rest of them is in package.json). */
const VIEW_OPTIONS: Readonly<Record<string, { showCollapseAll?: boolean }>> = {
  'intercom.workspace': { showCollapseAll: true },
  'intercom.api': { showCollapseAll: true },
};
const AUTH_OPTIONS: Readonly<Record<string, vscode.AuthenticationProviderOptions>> = {
  intercom: { supportsMultipleAccounts: true },
};

interface Manifest {
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    languageModelTools: { name: string }[];
    authentication: { id: string; label: string }[];
  };
}

function contributionsOf({ contributes }: Manifest): Contributions {
  return {
    // The paste command is offered from the "Waiting for Intercom" notice, not the palette.
    commands: [...contributes.commands.map((c) => c.command), PASTE_CALLBACK_COMMAND],
    views: Object.values(contributes.views).flat().map(({ id }) => ({ id, options: VIEW_OPTIONS[id] })),
    tools: contributes.languageModelTools.map((t) => t.name),
    authentication: contributes.authentication.map(({ id, label }) => ({ id, label, options: AUTH_OPTIONS[id] })),
  };
}

export function activate(context: vscode.ExtensionContext) {
  const activatedAt = Date.now();
  let core: CoreBundle.Core | undefined;
  const coreOf = (): CoreBundle.Core => (core ??= loadCore().createCore(context, registrations, activatedAt, () => wired().connect.createSession()));
  let features: Wiring.Features | undefined;
  const wired = (): Wiring.Features => (features ??= loadWiring().wireFeatures(coreOf()));
  const contributions = contributionsOf(context.extension.packageJSON as Manifest);
  const registrations = new Registrations(contributions, [() => void coreOf(), () => void wired()], context.subscriptions);
  // Right after activation: the tree views, and the status bar with its first read of the sessions, which
  // activation need not wait for.
  const timer = setTimeout(() => {
    registrations.createViews();
    coreOf();
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  // Intercom in the code: its bundle loads once an open document may mention Intercom.
  watchForIntercom(context, () => loadCodeIntelligence().startCodeIntelligence(context, wired().services));

  // Extension-host tests drive prompts and read state through this; nothing is exported otherwise.
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    return {
      secrets: context.secrets, logUri: context.logUri,
      get sessions() { return coreOf().services.sessions; },
      get walkthrough() { return coreOf().services.walkthrough; },
      /** The status bar's text, read without creating the core (undefined until it is shown). */
      get statusText() { return core?.status.item.text; },
      get ui() { return wired().services.ui; },
      get oauth() { return wired().connect.oauth; },
      get workspace() { return wired().workspace; },
      get webhooks() { return wired().webhooks; },
      get explorer() { return wired().explorer; },
      unhandled: () => { wired(); return registrations.unhandled(); },
    };
  }
  return undefined;
}

export function deactivate(): void {}
