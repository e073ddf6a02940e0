// A VS Code cancellation token as an AbortSignal for the HTTP client, the listener disposed afterwards.
import type * as vscode from 'vscode';

export async function withAbort<T>(token: vscode.CancellationToken, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const listener = token.onCancellationRequested(() => abort.abort());
  try {
    return await run(abort.signal);
  } finally {
    listener.dispose();
  }
}
