// Entry of the scope-scan worker thread (dist/scanWorker.js): the scan is CPU-bound and must never block
// the extension host, so it runs here and reaches files only through the host.
import { parentPort, workerData } from 'node:worker_threads';
import { FileSkipped, scanFiles } from '../scanner';
import type { FromWorker, ScanJob, ToWorker } from './protocol';
import { toWire } from './wire';

const port = parentPort!;
const job = workerData as ScanJob;
const cancelled = new Int32Array(job.cancel);
const waiting = new Map<number, (reply: ToWorker) => void>();
let nextId = 0;

const post = (message: FromWorker) => port.postMessage(message);

function ask(type: 'read' | 'size', file: string): Promise<ToWorker> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    post({ type, id, file });
  });
}

port.on('message', (reply: ToWorker) => {
  waiting.get(reply.id)?.(reply);
  waiting.delete(reply.id);
});

scanFiles(job.files, async (file) => {
  const reply = await ask('read', file);
  if (reply.type !== 'read') throw new Error('unexpected reply');
  if (reply.outsideFolder) throw new FileSkipped('outside-folder');
  if (!reply.bytes) throw new Error(reply.error ?? 'no bytes');
  return reply.bytes;
}, {
  isCancelled: () => Atomics.load(cancelled, 0) === 1,
  sizeOf: async (file) => {
    const reply = await ask('size', file);
    return reply.type === 'size' ? reply.size : undefined;
  },
  onFileStart: (file) => post({ type: 'start', file }),
  onProgress: ({ done, total }) => post({ type: 'progress', done, total }),
  fileBudgetMs: job.fileBudgetMs,
}).then(
  (result) => post({ type: 'result', result: toWire(result) }),
  (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
