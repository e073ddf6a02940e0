// The receiver's work after a body has arrived (check the JSON, answer, verify, log, forward) costs time in
// proportion to the body (large bodies are parsed on a worker thread; see jsonCheck.ts, but not when it cannot
// run). Jobs run in turns of the event loop of about
// TURN_MS each, so timers and I/O run between turns however many bodies arrive at once, and the smallest
// waiting job goes first, so a notification of a few KB waits for at most one large body, never for a queue
// of them, while a burst of notifications is answered in one turn.
import { performance } from 'node:perf_hooks';

/** The work a turn does before it lets the event loop go on (a job already started runs to its end). */
export const TURN_MS = 4;

export class SmallestFirst {
  /** At most as many as open connections: a scan for the smallest costs less than keeping a heap. */
  private readonly waiting: { size: number; run: () => void }[] = [];
  private scheduled = false;

  /** `now`: the clock turns are measured on (milliseconds). */
  constructor(private readonly onError: (error: unknown) => void, private readonly now: () => number = () => performance.now()) {}

  push(size: number, run: () => void): void {
    this.waiting.push({ size, run });
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => this.turn());
  }

  private turn(): void {
    this.scheduled = false;
    const started = this.now();
    while (this.waiting.length > 0 && this.now() - started < TURN_MS) {
      let smallest = 0;
      for (let i = 1; i < this.waiting.length; i++) if (this.waiting[i].size < this.waiting[smallest].size) smallest = i;
      const [job] = this.waiting.splice(smallest, 1);
      try {
        job.run();
      } catch (error) {
        this.onError(error);
      }
    }
    this.schedule();
  }
}
