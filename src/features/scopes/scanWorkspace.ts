// Finds the workspace's source files the way search does (files.exclude and search.exclude, plus the
// scanner's own skipped folders) and scans them for Intercom API use.
import * as vscode from 'vscode';
import type { Log } from '../../log';
import { SCAN_EXCLUDE_GLOB, SCAN_INCLUDE_GLOB, scanFiles, type ScanResult } from '../../scopes/scanner';

/** files.exclude and search.exclude entries that are on (plain `true`), as glob patterns. */
function excludedByUser(): string[] {
  const patterns: string[] = [];
  for (const key of ['files.exclude', 'search.exclude']) {
    const entries = vscode.workspace.getConfiguration().get<Record<string, unknown>>(key) ?? {};
    for (const [pattern, on] of Object.entries(entries)) if (on === true) patterns.push(pattern);
  }
  return patterns;
}

/**
 * One exclude glob. Passing any exclude to findFiles turns its default files.exclude off, so the
 * user's patterns are merged in; patterns that nest braces cannot be merged and are reported.
 */
export function excludeGlob(log: Log): string {
  const parts = [SCAN_EXCLUDE_GLOB];
  for (const pattern of excludedByUser()) {
    if (/[{}]/.test(pattern)) {
      log.warn(`Scope scan: cannot merge the exclude pattern "${pattern}"; files it matches are scanned`);
      continue;
    }
    parts.push(pattern, `${pattern.replace(/\/+$/, '')}/**`);
  }
  return `{${parts.join(',')}}`;
}

export interface WorkspaceScan {
  result: ScanResult;
  /** Workspace-relative path (as in findings) → file. */
  files: Map<string, vscode.Uri>;
}

export async function scanWorkspace(
  log: Log,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<WorkspaceScan> {
  const uris = await vscode.workspace.findFiles(SCAN_INCLUDE_GLOB, excludeGlob(log), undefined, token);
  const files = new Map(uris.map((uri) => [vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1), uri]));
  let lastReport = 0;
  const result = await scanFiles([...files.keys()], async (file) => vscode.workspace.fs.readFile(files.get(file)!), {
    isCancelled: () => token.isCancellationRequested,
    sizeOf: async (file) => (await vscode.workspace.fs.stat(files.get(file)!)).size,
    onProgress: ({ done, total }) => {
      const percent = Math.floor((done / total) * 100);
      if (percent === lastReport) return;
      progress.report({ message: vscode.l10n.t('{0} of {1} files', done, total), increment: percent - lastReport });
      lastReport = percent;
    },
  });
  log.info(`Scope scan: ${result.scanned} files scanned, ${result.skipped.length} skipped, ${result.findings.length} findings${result.cancelled ? ' (cancelled)' : ''}`);
  return { result, files };
}
