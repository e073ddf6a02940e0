// Finds the folder's source files the way search does (files.exclude and search.exclude, plus the
// scanner's own skipped folders) and scans them for Intercom API use, off the extension-host thread, on
// as many threads as the machine has cores (up to 4).
import * as vscode from 'vscode';
import type { Log } from '../../log';
import { SCAN_EXCLUDE_GLOB, SCAN_INCLUDE_GLOB } from '../../scopes/files';
import type { ScanResult } from '../../scopes/scanState';
import { PoolKeeper, ScanPool, type HostFiles, type OnDisk } from '../../scopes/worker/pool';

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

export interface FolderScan {
  result: ScanResult;
  /** Workspace-relative path (as in findings) → file. */
  files: Map<string, vscode.Uri>;
}

/** Threads are kept this long after a scan: the next one starts at once, with their code compiled. */
const KEEP_THREADS_MS = 3 * 60_000;
let keeper: PoolKeeper | undefined;

/** Files in folders on the local disk, which the scan's threads read themselves. */
function onDisk(files: ReadonlyMap<string, vscode.Uri>): OnDisk {
  return {
    folders: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath),
    locate: (file) => {
      const uri = files.get(file)!;
      const folder = uri.scheme === 'file' ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
      return folder?.uri.scheme === 'file' ? { path: uri.fsPath, folder: folder.index } : undefined;
    },
  };
}

/** The others (remote and virtual folders), read through VS Code's file system. */
function throughVsCode(files: ReadonlyMap<string, vscode.Uri>): HostFiles {
  return {
    read: (file) => Promise.resolve(vscode.workspace.fs.readFile(files.get(file)!)),
    size: async (file) => (await vscode.workspace.fs.stat(files.get(file)!)).size,
  };
}

/**
 * Scans the folder's source files on worker threads (dist/scanWorker.js of the extension at `extensionUri`),
 * so a slow file never blocks the extension host; cancelling stops them even in the middle of a file.
 */
export async function scanFolder(
  log: Log,
  extensionUri: vscode.Uri,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<FolderScan> {
  const entry = vscode.Uri.joinPath(extensionUri, 'dist', 'scanWorker.js').fsPath;
  keeper ??= new PoolKeeper(() => new ScanPool(entry), KEEP_THREADS_MS);
  // Taken first: threads that are not kept start while findFiles lists the folder.
  const pool = keeper.take();
  const onCancel = token.onCancellationRequested(() => pool.cancel());
  try {
    const uris = await vscode.workspace.findFiles(SCAN_INCLUDE_GLOB, excludeGlob(log), undefined, token);
    const files = new Map(uris.map((uri) => [vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1), uri]));
    let lastReport = 0;
    const result = await pool.scan({
      files: [...files.keys()],
      disk: onDisk(files),
      host: throughVsCode(files),
      onFileStart: (file) => progress.report({ message: file }), // the title says what is done to it
      onProgress: (done, total) => {
        const percent = Math.floor((done / total) * 100);
        if (percent > lastReport) progress.report({ message: vscode.l10n.t('{0} of {1} files', done, total), increment: percent - lastReport });
        lastReport = Math.max(lastReport, percent);
      },
    });
    log.info(`Scope scan: ${result.scanned} files scanned, ${result.skipped.length} skipped, ${result.findings.length} findings${result.cancelled ? ' (cancelled)' : ''}`);
    return { result, files };
  } finally {
    onCancel.dispose();
    keeper.give(pool);
  }
}
