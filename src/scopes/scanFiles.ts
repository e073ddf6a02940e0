// Reads files and scans them: one file (scanOne), one pass over many (scanPass, shared by the scan's threads)
// and the whole scan (scanFiles), whose second pass follows the project's own imports. The text scanning is
// ./scanner's.
import { isBinary } from './binary';
import { Budget, ScanStopped } from './budget';
import { languageOf } from './files';
import { classesGivenClient, firstLook, scanSource } from './scanner';
import { FileSkipped, ScanState, type FileState, type ProjectContext, type Rescan, type ScanResult } from './scanState';
import { importsOf } from './imports';

/** Files larger than this are skipped as generated or bundled code. */
export const MAX_FILE_BYTES = 1_000_000;

/** Files this long (in characters) are named to onFileStart as their detailed scan starts. */
const NAMED_FILE_CHARS = 64 * 1024;

/** Time one file may take by default: a crafted 1 MB file scans in well under this. */
const FILE_BUDGET_MS = 2000;

export interface ScanProgress {
  readonly done: number;
  readonly total: number;
  readonly file: string;
}

export interface ScanOptions {
  /** Checked before each file and inside it; once true the scan stops and returns what it has. */
  readonly isCancelled?: () => boolean;
  /** Time one file may take, in `now`'s milliseconds; a file over it is skipped as too slow. */
  readonly fileBudgetMs?: number;
  /** The clock the budget is measured on. */
  readonly now?: () => number;
  /** Called after each file. */
  readonly onProgress?: (progress: ScanProgress) => void;
  /**
   * Called when the detailed scan of a large file starts (past the first look, NAMED_FILE_CHARS or more):
   * the ones that take a moment. Naming every file would cost more than scanning most of them.
   */
  readonly onFileStart?: (file: string) => void;
  /** Size in bytes without reading the file, to skip very large files cheaply. */
  readonly sizeOf?: (file: string) => Promise<number | undefined>;
  readonly maxBytes?: number;
  /** Reads in flight at once. */
  readonly concurrency?: number;
}

const decoder = new TextDecoder('utf-8');

/**
 * A file's bytes or text, by its name and its index in the pass's files. A read that answers at once may
 * lend a buffer it reuses (DiskReader): the bytes are decoded before anything else runs.
 */
type FileRead = (file: string, index: number) => Uint8Array | string | Promise<Uint8Array | string>;

/**
 * Reads and scans one file. The first scan (no project context) also notes whether the file talks to
 * Intercom and what it imports; a file the first look rules out costs nothing more. Returns what it
 * learnt, even when stopped part way; `cancelled` is true when the scan was cancelled meanwhile.
 */
async function scanOne(
  file: string,
  index: number,
  readFile: FileRead,
  options: Required<Pick<ScanOptions, 'isCancelled' | 'maxBytes' | 'fileBudgetMs' | 'now'>> & ScanOptions,
  project?: ProjectContext,
): Promise<{ outcome: Partial<FileState>; cancelled: boolean }> {
  const { sizeOf, maxBytes, onFileStart, fileBudgetMs, now, isCancelled } = options;
  const outcome: Partial<FileState> = {};
  try {
    const size = sizeOf ? await sizeOf(file) : undefined;
    if (size !== undefined && size > maxBytes) throw new FileSkipped('too-large');
    const read = readFile(file, index);
    // No await for a read that answered at once: another file's read could reuse its buffer meanwhile.
    const content = read instanceof Promise ? await read : read;
    if (content.length > maxBytes) throw new FileSkipped('too-large');
    if (isBinary(content)) throw new FileSkipped('binary');
    const text = typeof content === 'string' ? content : decoder.decode(content);
    const lang = languageOf(file)!;
    const look = project === undefined ? firstLook(text, lang) : undefined;
    if (look?.mayMatter === false) {
      outcome.findings = [];
      outcome.unknownCalls = [];
    } else {
      if (text.length >= NAMED_FILE_CHARS) onFileStart?.(file);
      // The first look is one linear pass: the budget is for the passes after it.
      const budget = new Budget({ deadline: now() + fileBudgetMs, now, isCancelled });
      const scanned = scanSource(file, text, budget, project, look?.mentioned);
      outcome.findings = scanned.findings;
      outcome.unknownCalls = scanned.unknownCalls;
      // Only when there are some, so that an empty outcome crosses between threads as its index; a rescan replaces them.
      if (scanned.unseenMethods.length > 0 || project !== undefined) outcome.unseenMethods = scanned.unseenMethods;
      if (project === undefined) {
        outcome.talksToIntercom = scanned.talksToIntercom;
        if (scanned.talksToIntercom) outcome.givenClient = classesGivenClient(text, budget);
      }
    }
    const found = look?.mayImport ? importsOf(text, lang) : [];
    if (found.length > 0) outcome.imports = found;
  } catch (error) {
    const stopped = error instanceof ScanStopped ? error.reason : undefined;
    if (stopped === 'cancelled') return { outcome, cancelled: true };
    outcome.skipped = { file, reason: stopped ?? (error instanceof FileSkipped ? error.reason : 'unreadable') };
    // A second, project-aware scan that fails leaves the file unscanned.
    outcome.findings = undefined;
    outcome.unknownCalls = undefined;
    outcome.unseenMethods = undefined;
  }
  return { outcome, cancelled: false };
}

// The same functions in every pass: a new closure per pass makes V8 drop the scan code it optimized for the last.
const never = (): boolean => false;
const clock = (): number => performance.now();

/** The files one pass scans: `claim` hands out the next index, and one past the last ends the pass. */
export interface PassPlan {
  readonly files: readonly string[];
  readonly claim: () => number;
  /** The project pass: `claim` indexes these. Without them it is the first pass. */
  readonly rescans?: readonly Rescan[];
  /** Told each file's outcome, by its index in `files`. */
  readonly apply: (index: number, outcome: Partial<FileState>) => void;
}

/**
 * Runs one pass of the scan over the files it claims, `concurrency` reads in flight. Several threads can
 * share one pass, each with its own `read`, by claiming from one counter. Returns whether it was cancelled.
 */
export async function scanPass(plan: PassPlan, read: FileRead, options: ScanOptions = {}): Promise<boolean> {
  const { files, claim, rescans, apply } = plan;
  const settings = {
    ...options, isCancelled: options.isCancelled ?? never, maxBytes: options.maxBytes ?? MAX_FILE_BYTES,
    fileBudgetMs: options.fileBudgetMs ?? FILE_BUDGET_MS, now: options.now ?? clock,
  };
  const count = rescans ? rescans.length : files.length;
  let done = 0;
  let cancelled = false;
  const worker = async (): Promise<void> => {
    for (let next = claim(); next < count; next = claim()) {
      if (cancelled || settings.isCancelled()) {
        cancelled = true;
        return;
      }
      const index = rescans ? rescans[next].index : next;
      const scanned = await scanOne(files[index], index, read, settings, rescans?.[next].project);
      cancelled ||= scanned.cancelled;
      apply(index, scanned.outcome);
      if (!rescans) options.onProgress?.({ done: ++done, total: count, file: files[index] });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 16, count)) }, worker));
  return cancelled;
}

/**
 * Scans files through `read` (bytes or text). Skips binary, very large and unreadable files, and any
 * path isScannable rejects; stops early when cancelled. Two passes: every file, then the files the
 * project's imports make Intercom files (ScanState.rescans).
 */
export async function scanFiles(
  files: readonly string[],
  read: (file: string) => Uint8Array | string | Promise<Uint8Array | string>,
  options: ScanOptions = {},
): Promise<ScanResult> {
  const state = new ScanState(files);
  const apply = state.apply.bind(state);
  let next = 0;
  state.cancelled = await scanPass({ files: state.files, claim: () => next++, apply }, read, options);
  if (!state.cancelled) {
    let nextRescan = 0;
    state.cancelled = await scanPass({ files: state.files, claim: () => nextRescan++, rescans: state.rescans(), apply }, read, options);
  }
  return state.result();
}
