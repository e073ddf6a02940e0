// Messages between the extension host and the scope-scan worker thread. The worker asks the host for
// bytes (the host reads through VS Code's file system, so remote and virtual folders work) and reports
// progress; a shared flag cancels it even in the middle of a file.
import type { WireScanResult } from './wire';

export interface ScanJob {
  readonly files: readonly string[];
  /** Int32Array over it: index 0 becomes 1 to cancel. */
  readonly cancel: SharedArrayBuffer;
  readonly fileBudgetMs?: number;
}

export type FromWorker =
  | { type: 'read'; id: number; file: string }
  | { type: 'size'; id: number; file: string }
  | { type: 'start'; file: string }
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: WireScanResult }
  | { type: 'failed'; message: string };

export type ToWorker =
  | { type: 'read'; id: number; bytes?: Uint8Array; error?: string; outsideFolder?: boolean }
  | { type: 'size'; id: number; size?: number };
