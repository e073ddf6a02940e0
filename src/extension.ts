// Composition root: registers what the feature table lists, and nothing else (README, Architecture).
// Loaded at activation: `import = require` leaves a plain require of the API in dist/extension.js (esbuild.mjs).
import vscode = require('vscode');
import { LazyBundles } from './features/bundles';
import { watchForIntercom } from './features/codeIntelligence/firstLook';
import { contributionsOf } from './features/contributions';
import { Registrations } from './features/registrations';

let bundles: LazyBundles | undefined;

export function activate(context: vscode.ExtensionContext) {
  const loaded: LazyBundles = new LazyBundles({ context, activatedAt: Date.now(), view: <T>(id: string) => registrations.view<T>(id).view });
  bundles = loaded;
  const registrations: Registrations = new Registrations(contributionsOf(context.extension.packageJSON), loaded, context.subscriptions);
  // Right after activation, what activation need not wait for: the registrations VS Code waits for, the status
  // bar with its first read of the sessions, and the look at documents for Intercom in the code (its bundle loads
  // once an open document may mention Intercom).
  const timer = setTimeout(() => {
    registrations.afterActivation();
    loaded.lazy('base');
    watchForIntercom(context, () => loaded.lazy('codeIntelligence'));
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });

  // Extension-host tests drive prompts and read state through this; nothing is exported otherwise.
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    return {
      secrets: context.secrets, logUri: context.logUri,
      get sessions() { return loaded.lazy('base').services.sessions; },
      get walkthrough() { return loaded.lazy('base').services.walkthrough; },
      /** The status bar's text, read without creating the base bundle (undefined until it is shown). */
      get statusText() { return loaded.loaded('base')?.status.item.text; },
      get ui() { return loaded.lazy('features').services.ui; },
      get oauth() { return loaded.lazy('connect').oauth; },
      get workspace() { return loaded.lazy('features').workspace; },
      webhooks: {
        load: () => loaded.lazy('webhooks'),
        /** What a window reload does to the feature: stop, save the log, and start again from storage on next use. */
        reload: () => registrations.reload('webhooks'),
        get tree() { return loaded.lazy('webhooks').tree; },
      },
      explorer: {
        get tree() { return registrations.view('intercom.api').tree; },
        get view() { return registrations.view('intercom.api').view; },
        tools: Object.fromEntries(registrations.tools),
      },
      canvasKit: { load: () => loaded.lazy('canvasKit') },
      unhandled: () => registrations.unhandled(),
    };
  }
  return undefined;
}

/** Resolves once the features' last writes ended (the webhook event log's last save). */
export function deactivate(): Promise<void> | undefined {
  return bundles?.dispose();
}
