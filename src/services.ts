// What every feature shares: the core (dist/core.js) creates it, the features' wiring adds what only features use.
import type * as vscode from 'vscode';
import type { IntercomHttp } from './api/http';
import { loadHttp } from './api/loadHttp';
import { readSettings } from './config';
import type { Log } from './log';
import type { Redactor } from './secrets/redact';
import type { ScopeCheckResults } from './session/scopeChecks';
import type { SessionStore } from './session/store';
import type { UiHost } from './ui/ui';

/** The steps of the "Build an Intercom app" walkthrough. */
export type WalkthroughStep = 'appConfigured' | 'bridgePageCreated' | 'connected' | 'checklistGenerated' | 'webhookReceiverStarted' | 'apiCalled';

/** Completes a walkthrough step on its real outcome (features call it when an action succeeded). */
export interface WalkthroughSteps {
  mark(step: WalkthroughStep): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- commands take whatever VS Code passes
export type CommandHandler = (...args: any[]) => unknown;

/** How a feature registers: the same calls as vscode's, onto what activation already registered with VS Code. */
export interface Registrar {
  command(id: string, handler: CommandHandler): vscode.Disposable;
  tool<T>(name: string, tool: vscode.LanguageModelTool<T>): vscode.Disposable;
  /** The view activation created; its rows now come from `provider`. */
  view<T>(id: string, provider: vscode.TreeDataProvider<T>): vscode.TreeView<T>;
  /** The sessions behind the provider activation registered under `id`. */
  authenticationProvider(id: string, provider: vscode.AuthenticationProvider): void;
  uriHandler(handler: vscode.UriHandler): void;
}

/** What the core creates, right after activation. */
export interface CoreServices {
  readonly context: vscode.ExtensionContext;
  /** The Intercom log, behind the redaction step. */
  readonly log: Log;
  /** Every code, token and client secret seen so far; each sink redacts through it. */
  readonly redactor: Redactor;
  readonly sessions: SessionStore;
  readonly walkthrough: WalkthroughSteps;
  /** Where features register what activation already registered with VS Code (commands, views, tools, …). */
  readonly register: Registrar;
  /** When this window activated the extension (ms): a /me read before it is read again when the view first shows. */
  readonly activatedAt: number;
}

export interface Services extends CoreServices {
  readonly ui: UiHost;
  /** The last scope check per session, for the API view's ✓/✗. */
  readonly scopeChecks: ScopeCheckResults;
  /** An HTTP client with the current settings; loads got on first call. */
  http(): IntercomHttp;
}

export function httpFactory(log: Log, redactor: Redactor, version: string): () => IntercomHttp {
  return () => loadHttp().createIntercomHttp({
    log,
    knownSecrets: redactor,
    timeoutMs: readSettings().requestTimeoutMs,
    userAgent: `intercom-devtools-vscode/${version}`,
  });
}
