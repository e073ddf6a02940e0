// The state of one scope scan, file by file, and what is built from it: the project pass's plan and the
// result. Its own module, with no scanning code, so the thread that merges the scan threads' work (the
// extension host) does not bundle the scanner and its SDK tables.
import { isTestFile, type Finding, type UnknownSdkCall, type UnseenMethod } from './finding';
import { isScannable, languageOf } from './files';
import { ModuleKeySet, moduleKeys, ProjectModules, type ModuleImport } from './imports';

/** What the rest of the project says about a file: it imports a module that talks to Intercom. */
export interface ProjectContext {
  readonly importsIntercom: boolean;
  /** Names it binds from such modules: clients, wrappers, factories. */
  readonly names: ReadonlySet<string>;
}

export interface SkippedFile {
  readonly file: string;
  readonly reason: 'binary' | 'too-large' | 'too-slow' | 'unreadable' | 'outside-folder';
}

export interface ScanResult {
  /** In the order of the files given, then by position. */
  readonly findings: Finding[];
  readonly scanned: number;
  readonly skipped: SkippedFile[];
  /**
   * Files outside test code that import an Intercom SDK or name its host but gave no finding: the scan
   * may have missed their calls.
   */
  readonly checkByHand: string[];
  /** Outside test code: calls on an Intercom SDK client whose method no SDK table knows, to read by hand. */
  readonly unknownCalls: UnknownSdkCall[];
  /** Outside test code: REST calls whose method the code does not show, where the method decides the permission. */
  readonly unseenMethods: UnseenMethod[];
  readonly cancelled: boolean;
  /** Files the project's imports make Intercom files (one hop), with what the project says of each. */
  readonly projects: ReadonlyMap<string, ProjectContext>;
}

/** Thrown by a `read` that refuses a file for a known reason (e.g. a link leading out of the folder). */
export class FileSkipped extends Error {
  constructor(readonly reason: SkippedFile['reason']) {
    super(`file skipped: ${reason}`);
  }
}

/** What the passes learnt about one file: the result and the project pass are built from these. */
export interface FileState {
  /** Undefined while the file is not scanned: skipped, or cancelled before its scan ended. */
  findings?: Finding[];
  unknownCalls?: UnknownSdkCall[];
  /** Absent when there are none. */
  unseenMethods?: UnseenMethod[];
  skipped?: SkippedFile;
  /** Imports an Intercom SDK or names its host. */
  talksToIntercom?: boolean;
  imports?: ModuleImport[];
  /** Of a file talking to Intercom: the classes it hands an Intercom client (`new Contacts(client)`). */
  givenClient?: Set<string>;
}

/** A file the project pass scans again, with what the rest of the project says about it. */
export interface Rescan {
  readonly index: number;
  readonly project: ProjectContext;
}

/**
 * The files of one scan and the state of each, built from the outcomes of the passes (scanPass), which
 * may run in several threads: an outcome is applied onto the file's state wherever it was computed.
 */
export class ScanState {
  /** The files isScannable accepts, in the order given: the indexes the passes use. */
  readonly files: string[];
  cancelled = false;
  private readonly states: FileState[];
  /** The last rescans() answer: the result's projects. */
  private rescanned: readonly Rescan[] = [];

  constructor(files: readonly string[]) {
    this.files = files.filter(isScannable);
    this.states = this.files.map(() => ({}));
  }

  apply(index: number, outcome: Partial<FileState>): void {
    Object.assign(this.states[index], outcome);
  }

  /**
   * One hop through the project's imports: files that import a module talking to Intercom, and the
   * modules of classes such a module hands an Intercom client, are scanned again, their client-like
   * objects and the names they import from it counting as Intercom clients. Paths only, no file text.
   */
  rescans(): Rescan[] {
    const { files, states } = this;
    // A loop, not flatMap: an array per file (10,000 of them) costs about as much as the rest of this pass.
    const talking = new Set<string>();
    files.forEach((file, i) => {
      if (states[i].talksToIntercom) for (const key of moduleKeys(file)) talking.add(key);
    });
    const intercom = new ModuleKeySet(talking);
    if (intercom.keys.size === 0) return [];
    // Indexing every file costs more than the rest of this pass: only done for an import that may need it.
    let projectModules: ProjectModules | undefined;
    const modules = (): ProjectModules => (projectModules ??= new ProjectModules(files));
    const wrapperKeys = new Set<string>();
    files.forEach((file, i) => {
      const classes = states[i].givenClient;
      if (!classes || classes.size === 0) return;
      for (const m of states[i].imports ?? []) {
        const key = m.names.some((name) => classes.has(name)) ? modules().resolve(file, languageOf(file)!, m) : undefined;
        if (key !== undefined) wrapperKeys.add(key);
      }
    });
    const rescans: Rescan[] = [];
    files.forEach((file, index) => {
      // Most files import nothing and wrap nothing: nothing to resolve.
      if (states[index].imports === undefined && wrapperKeys.size === 0) return;
      const lang = languageOf(file)!;
      const own = moduleKeys(file);
      const viaIntercom = (states[index].imports ?? []).filter((m) => {
        const key = intercom.mayName(file, lang, m) ? modules().resolve(file, lang, m) : undefined;
        return key !== undefined && intercom.keys.has(key) && !own.includes(key);
      });
      if (viaIntercom.length === 0 && !own.some((key) => wrapperKeys.has(key))) return;
      rescans.push({ index, project: { importsIntercom: true, names: new Set(viaIntercom.flatMap((m) => m.names)) } });
    });
    this.rescanned = rescans;
    return rescans;
  }

  /** In one pass over the files: a pass per field (flatMap, filter) costs more than the whole merge. */
  result(): ScanResult {
    const { files, states } = this;
    const findings: Finding[] = [];
    const skipped: SkippedFile[] = [];
    const checkByHand: string[] = [];
    const unknownCalls: UnknownSdkCall[] = [];
    const unseenMethods: UnseenMethod[] = [];
    let scanned = 0;
    states.forEach((state, i) => {
      if (state.findings) {
        scanned++;
        for (const finding of state.findings) findings.push(finding);
      }
      if (state.skipped) skipped.push(state.skipped);
      // Test code is left out: its findings never count, so reading it by hand would change nothing.
      const gaveNothing = state.findings?.length === 0 && !state.unseenMethods?.length;
      if (state.talksToIntercom && gaveNothing && !isTestFile(files[i])) checkByHand.push(files[i]);
      if (state.unknownCalls?.length && !isTestFile(files[i])) {
        for (const call of state.unknownCalls) unknownCalls.push(call);
      }
      if (state.unseenMethods?.length && state.findings && !isTestFile(files[i])) {
        for (const call of state.unseenMethods) unseenMethods.push(call);
      }
    });
    const projects = new Map(this.rescanned.map((r) => [files[r.index], r.project]));
    return { findings, scanned, skipped, checkByHand, unknownCalls, unseenMethods, cancelled: this.cancelled, projects };
  }
}
