// What every feature shares, created once in activate().
import type * as vscode from 'vscode';
import type { IntercomHttp } from './api/http';
import { loadHttp } from './api/loadHttp';
import { readSettings } from './config';
import type { Log } from './log';
import type { Redactor } from './secrets/redact';
import type { ScopeCheckResults } from './features/scopes/checkResults';
import type { WalkthroughProgress } from './features/walkthrough/progress';
import type { SessionStore } from './session/store';
import type { UiHost } from './ui/ui';

export interface Services {
  readonly context: vscode.ExtensionContext;
  /** The Intercom log, behind the redaction step. */
  readonly log: Log;
  /** Every code, token and client secret seen so far; each sink redacts through it. */
  readonly redactor: Redactor;
  readonly ui: UiHost;
  readonly sessions: SessionStore;
  readonly walkthrough: WalkthroughProgress;
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
