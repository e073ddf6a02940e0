// Messages between the thread that runs a scan (the extension host, through ScanPool) and the scan's
// worker threads. Workers read files on the local disk themselves and ask the host for the others (it
// reads through VS Code's file system, so remote and virtual folders work). Shared counters hand out
// the files, count those done and cancel the scan, even in the middle of a file.
import type { Rescan, SkippedFile } from '../scanState';
import type { WireOutcomes } from './wire';

/** Int32 slots of the shared control buffer. */
export const CONTROL = {
  /** Becomes 1 to cancel. */
  cancel: 0,
  /** The next file of the first pass to claim. */
  next: 1,
  /** The next file of the project pass to claim. */
  nextRescan: 2,
  /** Files of the first pass done, in every thread. */
  done: 3,
} as const;
export const CONTROL_SLOTS = 4;

/** The worker's workerData. */
export interface WorkerSetup {
  readonly control: SharedArrayBuffer;
}

/** A file of a folder on the local disk. */
export interface DiskFile {
  readonly path: string;
  /** Index of its folder in the list of folders. */
  readonly folder: number;
}

/** Where a job's files are on the disk, by their index in the job's files: flat arrays cross quickly. */
export interface DiskFiles {
  /** Paths of the folders, for the rule that a link must not lead out of its folder. */
  readonly folders: readonly string[];
  /** Null for a file the host reads. */
  readonly paths: readonly (string | null)[];
  readonly folderOf: Int32Array;
}

export interface ScanJob {
  /** The files, as ScanState.files: a pass's indexes are into this list. */
  readonly files: readonly string[];
  readonly disk?: DiskFiles;
  readonly fileBudgetMs?: number;
}

export type ToWorker =
  | { type: 'scan'; job: ScanJob }
  | { type: 'rescan'; rescans: readonly Rescan[] }
  | { type: 'read'; id: number; bytes?: Uint8Array; error?: string; skipped?: SkippedFile['reason'] }
  | { type: 'size'; id: number; size?: number };

export type FromWorker =
  | { type: 'read'; id: number; file: string }
  | { type: 'size'; id: number; file: string }
  | { type: 'start'; file: string }
  | { type: 'progress'; done: number; total: number }
  /** The end of this worker's share of a pass: the outcome of each file it scanned, by index. */
  | { type: 'passed'; outcomes: WireOutcomes; cancelled: boolean }
  | { type: 'failed'; message: string };
