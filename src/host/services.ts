// What every feature shares: the base bundle (dist/base.js) creates it, the feature services (dist/features.js) add
// what only features use.
import type * as vscode from 'vscode';
import type * as HttpModule from '../api/http';
import type { IntercomHttp } from '../api/http';
import { readSettings } from './config';
import type { Log } from '../log';
import type { Redactor } from '../secrets/redact';
import type { ScopeCheckResults } from './session/scopeChecks';
import type { SessionStore } from './session/store';
import type { UiHost } from './ui';

/** The steps of the "Build an Intercom app" walkthrough. */
export type WalkthroughStep = 'appConfigured' | 'bridgePageCreated' | 'connected' | 'checklistGenerated' | 'webhookReceiverStarted' | 'apiCalled';

/** Completes a walkthrough step on its real outcome (features call it when an action succeeded). */
export interface WalkthroughSteps {
  mark(step: WalkthroughStep): Promise<void>;
}

/** What the base bundle creates, right after activation. */
export interface BaseServices {
  readonly context: vscode.ExtensionContext;
  /** The Intercom log, behind the redaction step. */
  readonly log: Log;
  /** Every code, token and client secret seen so far; each sink redacts through it. */
  readonly redactor: Redactor;
  readonly sessions: SessionStore;
  readonly walkthrough: WalkthroughSteps;
  /** When this window activated the extension (ms): a /me read before it is read again when the view first shows. */
  readonly activatedAt: number;
}

export interface Services extends BaseServices {
  readonly ui: UiHost;
  /** The last scope check per session, for the API view's ✓/✗. */
  readonly scopeChecks: ScopeCheckResults;
  /** An HTTP client with the current settings; loads got on first call. */
  http(): IntercomHttp;
}

/** `http` is the HTTP bundle, loaded on first call. */
export function httpFactory(http: () => typeof HttpModule, log: Log, redactor: Redactor, version: string): () => IntercomHttp {
  return () => http().createIntercomHttp({
    log,
    knownSecrets: redactor,
    timeoutMs: readSettings().requestTimeoutMs,
    userAgent: `intercom-devtools-vscode/${version}`,
  });
}
