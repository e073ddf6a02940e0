// Entry of a scope-scan worker thread (dist/scanWorker.js), one of a ScanPool's: the scan is CPU-bound
// and must never block the extension host, so it runs here. It reads files on the local disk itself
// and asks the host for the others; it claims files from the pool's shared counter, pass by pass.
import { parentPort, workerData } from 'node:worker_threads';
import { scanPass } from '../scanFiles';
import { FileSkipped, type FileState, type Rescan } from '../scanState';
import { DiskReader } from './disk';
import { CONTROL, type FromWorker, type ScanJob, type ToWorker, type WorkerSetup } from './protocol';
import { addOutcome, type WireOutcomes } from './wire';

const port = parentPort!;
const control = new Int32Array((workerData as WorkerSetup).control);
const waiting = new Map<number, (reply: ToWorker) => void>();
let nextId = 0;
let job: ScanJob | undefined;
let disk: DiskReader | undefined;
/** The job's files not on the disk. */
let hostFiles = new Set<string>();

const post = (message: FromWorker) => port.postMessage(message);

function ask(type: 'read' | 'size', file: string): Promise<ToWorker> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    post({ type, id, file });
  });
}

/** A file on the disk is read at once, in this thread; the others are asked of the host. */
function read(file: string, index: number): Uint8Array | Promise<Uint8Array> {
  return disk?.has(index) ? disk.read(index) : readFromHost(file);
}

async function readFromHost(file: string): Promise<Uint8Array> {
  const reply = await ask('read', file);
  if (reply.type !== 'read') throw new Error('unexpected reply');
  if (reply.skipped) throw new FileSkipped(reply.skipped);
  if (!reply.bytes) throw new Error(reply.error ?? 'no bytes');
  return reply.bytes;
}

/** Only for files the host reads: a disk file's size is checked as it is read. */
async function sizeOf(file: string): Promise<number | undefined> {
  if (!hostFiles.has(file)) return undefined;
  const reply = await ask('size', file);
  return reply.type === 'size' ? reply.size : undefined;
}

/** Between two progress reports of a thread: a message per file would cost more than some files' scans. */
const PROGRESS_EVERY_MS = 50;
let lastProgress = 0;

/** Files done in every thread, reported now and then, and when the last one is done. */
function onProgress({ total }: { total: number }): void {
  const done = Atomics.add(control, CONTROL.done, 1) + 1;
  const now = performance.now();
  if (done < total && now - lastProgress < PROGRESS_EVERY_MS) return;
  lastProgress = now;
  post({ type: 'progress', done, total });
}

// What the pass running now claims and learns. Its callbacks below are the same functions in every pass: a new
// closure per pass makes V8 drop the scan code it optimized for the last one, and a kept thread would warm up
// again at each scan.
let slot: number = CONTROL.next;
let outcomes: WireOutcomes = { empty: [], others: [] };
const claim = (): number => Atomics.add(control, slot, 1);
const apply = (index: number, outcome: Partial<FileState>): void => addOutcome(outcomes, index, outcome);
const isCancelled = (): boolean => Atomics.load(control, CONTROL.cancel) === 1;
const onFileStart = (file: string): void => post({ type: 'start', file });

async function pass(rescans?: readonly Rescan[]): Promise<void> {
  slot = rescans ? CONTROL.nextRescan : CONTROL.next;
  outcomes = { empty: [], others: [] };
  const cancelled = await scanPass({ files: job!.files, rescans, claim, apply }, read, {
    isCancelled,
    // Asked only when some file is not on the disk: an await per file is not free.
    sizeOf: hostFiles.size > 0 ? sizeOf : undefined,
    fileBudgetMs: job!.fileBudgetMs,
    onFileStart,
    onProgress,
  });
  post({ type: 'passed', outcomes, cancelled });
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'scan':
      job = message.job;
      disk = job.disk && new DiskReader(job.disk);
      hostFiles = new Set(job.files.filter((_, index) => !disk?.has(index)));
      return void pass().catch(failed);
    case 'rescan': return void pass(message.rescans).catch(failed);
    default:
      waiting.get(message.id)?.(message);
      waiting.delete(message.id);
  }
});

function failed(error: unknown): void {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
