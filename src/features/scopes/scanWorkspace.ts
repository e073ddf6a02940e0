// Finds the folder's source files the way search does (files.exclude and search.exclude, plus the
// scanner's own skipped folders) and scans them for Intercom API use, off the extension-host thread.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { Log } from '../../log';
import { SCAN_EXCLUDE_GLOB, SCAN_INCLUDE_GLOB } from '../../scopes/files';
import type { ScanResult } from '../../scopes/scanner';
import type { FromWorker, ScanJob, ToWorker } from '../../scopes/worker/protocol';
import { fromWire } from '../../scopes/worker/wire';

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

/**
 * A symbolic link whose target leaves its folder is not the project's code (and could point anywhere):
 * only links are resolved, and only on disk.
 */
async function leavesFolder(uri: vscode.Uri): Promise<boolean> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (uri.scheme !== 'file' || !folder) return false;
  const stat = await vscode.workspace.fs.stat(uri);
  if ((stat.type & vscode.FileType.SymbolicLink) === 0) return false;
  const [target, root] = await Promise.all([fs.realpath(uri.fsPath), fs.realpath(folder.uri.fsPath)]);
  return path.relative(root, target).startsWith('..') || path.isAbsolute(path.relative(root, target));
}

/** Answers the worker's requests for file sizes and bytes through VS Code's file system. */
async function answer(worker: Worker, message: FromWorker, files: Map<string, vscode.Uri>): Promise<void> {
  if (message.type !== 'read' && message.type !== 'size') return;
  const uri = files.get(message.file)!;
  let reply: ToWorker;
  try {
    if (message.type === 'size') reply = { type: 'size', id: message.id, size: (await vscode.workspace.fs.stat(uri)).size };
    else if (await leavesFolder(uri)) reply = { type: 'read', id: message.id, outsideFolder: true };
    else reply = { type: 'read', id: message.id, bytes: await vscode.workspace.fs.readFile(uri) };
  } catch (error) {
    reply = message.type === 'size' ? { type: 'size', id: message.id } : { type: 'read', id: message.id, error: String(error) };
  }
  worker.postMessage(reply);
}

/**
 * Scans the folder's source files in a worker thread (dist/scanWorker.js of the extension at `extensionUri`),
 * so a slow file never blocks the extension host; cancelling stops the worker even in the middle of a file.
 */
export async function scanWorkspace(
  log: Log,
  extensionUri: vscode.Uri,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<WorkspaceScan> {
  const uris = await vscode.workspace.findFiles(SCAN_INCLUDE_GLOB, excludeGlob(log), undefined, token);
  const files = new Map(uris.map((uri) => [vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1), uri]));
  const cancel = new SharedArrayBuffer(4);
  const job: ScanJob = { files: [...files.keys()], cancel };
  const worker = new Worker(vscode.Uri.joinPath(extensionUri, 'dist', 'scanWorker.js').fsPath, { workerData: job });
  const onCancel = token.onCancellationRequested(() => Atomics.store(new Int32Array(cancel), 0, 1));
  let lastReport = 0;
  try {
    const result = await new Promise<ScanResult>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`the scan worker stopped (exit code ${code})`)));
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'result': return resolve(fromWire(message.result));
          case 'failed': return reject(new Error(message.message));
          case 'start': return progress.report({ message: message.file }); // the title says what is done to it
          case 'progress': {
            const percent = Math.floor((message.done / message.total) * 100);
            if (percent > lastReport) progress.report({ message: vscode.l10n.t('{0} of {1} files', message.done, message.total), increment: percent - lastReport });
            lastReport = Math.max(lastReport, percent);
            return;
          }
          default: return void answer(worker, message, files);
        }
      });
    });
    log.info(`Scope scan: ${result.scanned} files scanned, ${result.skipped.length} skipped, ${result.findings.length} findings${result.cancelled ? ' (cancelled)' : ''}`);
    return { result, files };
  } finally {
    onCancel.dispose();
    void worker.terminate();
  }
}
