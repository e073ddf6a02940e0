// Whether a body is JSON, and its envelope's fields. JSON.parse of a large body takes the thread for up to
// ~20 ms a MiB and leaves megabytes of objects to collect, and any sender can post one: large bodies are
// parsed on a worker thread (jsonWorker.ts), started on the first and stopped with the receiver.
import { Worker } from 'node:worker_threads';
import { summaryOf, type Summary } from './envelope';

export type JsonCheck = { json: true; summary: Summary } | { json: false };

export interface JsonRequest {
  id: number;
  body: Uint8Array;
}

/** `summary` is missing when the body is not JSON. */
export interface JsonResponse {
  id: number;
  summary?: Summary;
}

/** On this thread: for small bodies, and when the worker cannot run. */
export function checkJson(body: Buffer): JsonCheck {
  try {
    return { json: true, summary: summaryOf(JSON.parse(body.toString('utf8'))) };
  } catch {
    return { json: false };
  }
}

export class OffThreadJson {
  private worker: Worker | undefined;
  private next = 0;
  private readonly pending = new Map<number, (check: JsonCheck | undefined) => void>();

  /** `script`: the worker's file (dist/jsonWorker.js). */
  constructor(private readonly script: string) {}

  /** Undefined when the worker failed: the caller checks the body itself. */
  check(body: Buffer): Promise<JsonCheck | undefined> {
    let worker: Worker;
    try {
      worker = this.start();
    } catch {
      return Promise.resolve(undefined);
    }
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ id, body } satisfies JsonRequest);
    });
  }

  close(): Promise<unknown> {
    const worker = this.worker;
    this.failed(worker);
    return worker?.terminate() ?? Promise.resolve();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.unref(); // the receiver's server keeps the process up while it matters
    worker.on('message', ({ id, summary }: JsonResponse) => {
      const resolve = this.pending.get(id);
      this.pending.delete(id);
      resolve?.(summary ? { json: true, summary } : { json: false });
    });
    worker.on('error', () => this.failed(worker)).on('exit', () => this.failed(worker));
    this.worker = worker;
    return worker;
  }

  /** The worker is gone: what it had not answered is checked by the callers; the next check starts another. */
  private failed(worker: Worker | undefined): void {
    if (!worker || this.worker !== worker) return;
    this.worker = undefined;
    for (const resolve of this.pending.values()) resolve(undefined);
    this.pending.clear();
  }
}
