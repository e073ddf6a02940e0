// Checks the scopes against a connected workspace: one read-only GET per read scope, one after the
// other; a rate limit or a rejected token stops the check instead of hammering the API.
import * as vscode from 'vscode';
import { isIntercomError } from '../../api/errors';
import { readSettings } from '../../host/config';
import type { ScopeCheck } from '../../scopes/checkReport';
import { classifyProbe, scopeProbes } from '../../scopes/probe';
import type { IntercomSession } from '../../session/model';
import type { Services } from '../../host/services';
import { explainIntercomError } from '../connect/messages';

export interface WorkspaceCheck {
  checks: ScopeCheck[];
  stoppedBecause?: string;
}

export async function checkScopes(services: Services, session: IntercomSession, token: vscode.CancellationToken): Promise<WorkspaceCheck> {
  const http = services.http();
  const { apiVersion } = readSettings();
  const abort = new AbortController();
  const cancel = token.onCancellationRequested(() => abort.abort());
  const checks: ScopeCheck[] = [];
  try {
    for (const probe of scopeProbes(Date.now())) {
      if (token.isCancellationRequested) return { checks, stoppedBecause: vscode.l10n.t('cancelled.') };
      try {
        const answer = await http.probe({ apiBase: session.apiBase, token: session.accessToken, version: apiVersion, signal: abort.signal }, probe.path);
        checks.push({ scope: probe.scope, path: probe.path, result: classifyProbe(answer.status, answer.body) });
      } catch (error) {
        if (!isIntercomError(error)) throw error;
        switch (error.kind) {
          case 'cancelled':
            return { checks, stoppedBecause: vscode.l10n.t('cancelled.') };
          case 'unauthorized': // says how to renew this kind of token
            return { checks, stoppedBecause: explainIntercomError(error, 'request', session.kind).text };
          case 'network':
          case 'timeout':
            return { checks, stoppedBecause: vscode.l10n.t('Intercom could not be reached ({0}).', error.kind) };
          case 'rateLimited': {
            const when = error.details.retryAt ? vscode.l10n.t(' after {0}', error.details.retryAt.toLocaleTimeString()) : '';
            return { checks, stoppedBecause: vscode.l10n.t('Intercom is rate limiting this app; generate again{0} to finish the check.', when) };
          }
          default: // a server error or an odd answer: this scope stays unknown, the others are still worth asking
            checks.push({ scope: probe.scope, path: probe.path, result: classifyProbe(error.details.status ?? 0, { type: 'error.list', errors: [{ message: error.details.intercomMessage ?? error.kind }] }) });
        }
      }
    }
    return { checks };
  } finally {
    cancel.dispose();
  }
}
