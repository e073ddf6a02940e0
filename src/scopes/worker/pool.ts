// The scope scan on several threads, as ripgrep searches on every core: worker threads claim files from
// a shared counter, so a slow file holds up one thread, not a share of the list. Each pass's outcomes
// are merged into one ScanState here, where the project pass is planned (paths only, no file text);
// the result is the one scanFiles gives on one thread, file for file.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { FileSkipped, ScanState, type ScanResult } from '../scanState';
import { CONTROL, CONTROL_SLOTS, type DiskFile, type DiskFiles, type FromWorker, type ToWorker, type WorkerSetup } from './protocol';
import { applyOutcomes } from './wire';

/** One thread per core, as ripgrep uses; at most 4, as each costs its start and its memory. */
export function poolSize(): number {
  return Math.min(4, os.availableParallelism());
}

/** Files the threads cannot read from the disk, read by the thread running the pool. */
export interface HostFiles {
  /** The bytes; FileSkipped for a file refused for a known reason. */
  read(file: string): Promise<Uint8Array>;
  size(file: string): Promise<number | undefined>;
}

/** Files in folders on the local disk, which the threads read themselves. */
export interface OnDisk {
  /** Paths of the folders. */
  readonly folders: readonly string[];
  /** Where a file is, when it is on the disk. */
  readonly locate: (file: string) => DiskFile | undefined;
}

export interface PoolScan {
  readonly files: readonly string[];
  /** Files the threads read themselves. */
  readonly disk?: OnDisk;
  /** The others. */
  readonly host?: HostFiles;
  readonly fileBudgetMs?: number;
  /** Files of the first pass done, in every thread. */
  readonly onProgress?: (done: number, total: number) => void;
  /** A large file starts its detailed scan (ScanOptions.onFileStart). */
  readonly onFileStart?: (file: string) => void;
}

type Request = Extract<FromWorker, { type: 'read' | 'size' }>;

function flatten(files: readonly string[], disk: OnDisk): DiskFiles {
  const located = files.map((file) => disk.locate(file));
  return {
    folders: disk.folders,
    paths: located.map((file) => file?.path ?? null),
    folderOf: Int32Array.from(located, (file) => file?.folder ?? -1),
  };
}

async function answer(worker: Worker, request: Request, host: HostFiles | undefined): Promise<void> {
  let reply: ToWorker;
  try {
    if (!host) throw new Error(`${request.file} is not on the disk and no one reads it`);
    reply = request.type === 'size'
      ? { type: 'size', id: request.id, size: await host.size(request.file) }
      : { type: 'read', id: request.id, bytes: await host.read(request.file) };
  } catch (error) {
    reply = request.type === 'size'
      ? { type: 'size', id: request.id }
      : { type: 'read', id: request.id, ...(error instanceof FileSkipped ? { skipped: error.reason } : { error: String(error) }) };
  }
  worker.postMessage(reply);
}

/**
 * Threads started at once (they load while the caller lists the files), for one scan at a time.
 * dispose() stops them.
 */
export class ScanPool {
  private readonly control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  private readonly workers: Worker[];
  /** Cancelled, or a thread failed or stopped: it cannot scan again. */
  private spent = false;

  /** `entry`: the worker's script (dist/scanWorker.js). */
  constructor(entry: string, size = poolSize()) {
    const setup: WorkerSetup = { control: this.control.buffer as SharedArrayBuffer };
    this.workers = Array.from({ length: size }, () => new Worker(entry, { workerData: setup }));
    // Also while idle: a thread that fails then is noted (not thrown at the caller) and the pool not lent again.
    const spend = (): void => {
      this.spent = true;
    };
    for (const worker of this.workers) worker.on('error', spend).on('exit', spend);
  }

  /** Stops the scan, even in the middle of a file; its result says it was cancelled. */
  cancel(): void {
    this.spent = true;
    Atomics.store(this.control, CONTROL.cancel, 1);
  }

  /** Whether it can run another scan. */
  get reusable(): boolean {
    return !this.spent;
  }

  async scan(request: PoolScan): Promise<ScanResult> {
    const state = new ScanState(request.files);
    for (const slot of [CONTROL.next, CONTROL.nextRescan, CONTROL.done]) Atomics.store(this.control, slot, 0);
    const job = { files: state.files, disk: request.disk && flatten(state.files, request.disk), fileBudgetMs: request.fileBudgetMs };
    state.cancelled = await this.pass({ type: 'scan', job }, state, request);
    const rescans = state.cancelled ? [] : state.rescans();
    if (rescans.length > 0) state.cancelled = await this.pass({ type: 'rescan', rescans }, state, request);
    return state.result();
  }

  dispose(): Promise<unknown> {
    return Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  /** Whether its threads keep the process alive: an idle pool's do not. */
  hold(held: boolean): void {
    for (const worker of this.workers) {
      if (held) worker.ref();
      else worker.unref();
    }
  }

  /** Every thread takes part in the pass; true when it was cancelled. */
  private async pass(message: ToWorker, state: ScanState, request: PoolScan): Promise<boolean> {
    const cancelled = await Promise.all(this.workers.map((worker) => this.share(worker, message, state, request)));
    return cancelled.some(Boolean);
  }

  private share(worker: Worker, message: ToWorker, state: ScanState, request: PoolScan): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const stop = (): void => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      };
      const onError = (error: Error): void => {
        stop();
        this.spent = true;
        reject(error);
      };
      const onExit = (code: number): void => onError(new Error(`a scan thread stopped (exit code ${code})`));
      const onMessage = (reply: FromWorker): void => {
        switch (reply.type) {
          case 'passed':
            stop();
            applyOutcomes(reply.outcomes, (index, outcome) => state.apply(index, outcome));
            return resolve(reply.cancelled);
          case 'failed': return onError(new Error(reply.message));
          case 'start': return request.onFileStart?.(reply.file);
          case 'progress': return request.onProgress?.(reply.done, reply.total);
          default: return void answer(worker, reply, request.host);
        }
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(message);
    });
  }
}

/**
 * Lends a pool for each scan and keeps it for `idleMs` after: the next scan finds its threads started and
 * their code compiled, which a fresh thread takes about as long to do as the scan of a 10,000-file folder.
 * A scan that starts while another runs gets a pool of its own.
 */
export class PoolKeeper {
  private idle: ScanPool | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly start: () => ScanPool, private readonly idleMs: number) {}

  take(): ScanPool {
    clearTimeout(this.timer);
    if (this.idle && !this.idle.reusable) this.dispose();
    const pool = this.idle ?? this.start();
    this.idle = undefined;
    pool.hold(true);
    return pool;
  }

  /** Back after its scan: kept when it can scan again and no other is kept, else stopped. */
  give(pool: ScanPool): void {
    if (this.idle || !pool.reusable) {
      void pool.dispose();
      return;
    }
    this.idle = pool;
    pool.hold(false);
    this.timer = setTimeout(() => this.dispose(), this.idleMs);
    this.timer.unref?.();
  }

  dispose(): void {
    clearTimeout(this.timer);
    void this.idle?.dispose();
    this.idle = undefined;
  }
}
