// How much work one file's scan may do: a step counter (tests assert it grows linearly with the text),
// a deadline on an injectable clock, and the caller's cancellation. Checked inside the scan's loops, so
// one crafted file cannot hold the scan (or the thread running it) for long.

type StopReason = 'too-slow' | 'cancelled';

/** Thrown out of a file's scan when its budget runs out or the scan is cancelled. */
export class ScanStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(`scan stopped: ${reason}`);
  }
}

interface BudgetLimits {
  /** Time on `now`'s clock after which the file is given up as too slow. */
  readonly deadline?: number;
  readonly now?: () => number;
  readonly isCancelled?: () => boolean;
}

/** Steps between two looks at the clock and the cancellation flag. */
const CHECK_EVERY = 1024;

export class Budget {
  /** Units of work done: loop iterations, operands read, characters a whole-text regex ran over. */
  steps = 0;
  private nextCheck = CHECK_EVERY;

  constructor(private readonly limits: BudgetLimits = {}) {}

  spend(units = 1): void {
    this.steps += units;
    if (this.steps < this.nextCheck) return;
    this.nextCheck = this.steps + CHECK_EVERY;
    const { deadline, now, isCancelled } = this.limits;
    if (isCancelled?.()) throw new ScanStopped('cancelled');
    if (deadline !== undefined && now && now() > deadline) throw new ScanStopped('too-slow');
  }
}
