// Where the event log lives between windows: in the folder's workspace storage, one small file per event
// (its row) and one beside it with what the event received (its record: headers and body). A change writes
// the changed event's row only, and a record is written once and deleted when its event leaves the log or its
// body is dropped, all off the extension host's thread: no save serializes the log, however full it is.
import fs from 'node:fs/promises';
import path from 'node:path';

export interface DeliveryRecord {
  /** Lower-case header names, as received (or as sent, for a test event). */
  headers: Record<string, string>;
  /** The exact bytes. */
  body: Buffer;
}

export interface EventStore {
  /** Every row saved, by key (unchecked: storage may hold anything); records without a row are deleted. */
  rows(): Promise<Map<string, unknown>>;
  saveRow(key: string, row: object): void;
  writeRecord(key: string, record: DeliveryRecord): void;
  readRecord(key: string): Promise<DeliveryRecord | undefined>;
  removeRecord(key: string): void;
  /** Rows and records. */
  remove(keys: readonly string[]): void;
  /** Resolves once everything written so far is saved (a window closing). */
  flush(): Promise<void>;
}

/** The bytes a record takes: its headers as a JSON line, then the body. */
export const recordSize = ({ headers, body }: DeliveryRecord): number => Buffer.byteLength(JSON.stringify(headers)) + 1 + body.length;

/** Event keys are UUIDs; anything else never becomes a file name. */
export const isEventKey = (key: string): boolean => /^[\w-]{1,64}$/.test(key);

/** For a window without a folder (no workspace storage): kept until the window closes. */
export class MemoryEventStore implements EventStore {
  private readonly saved = new Map<string, { row?: string; record?: DeliveryRecord }>();

  async rows(): Promise<Map<string, unknown>> {
    return new Map([...this.saved].flatMap(([key, s]) => (s.row ? [[key, JSON.parse(s.row)]] : [])));
  }

  saveRow(key: string, row: object): void {
    this.entry(key).row = JSON.stringify(row);
  }

  writeRecord(key: string, record: DeliveryRecord): void {
    this.entry(key).record = record;
  }

  async readRecord(key: string): Promise<DeliveryRecord | undefined> {
    return this.saved.get(key)?.record;
  }

  removeRecord(key: string): void {
    delete this.entry(key).record;
  }

  remove(keys: readonly string[]): void {
    for (const key of keys) this.saved.delete(key);
  }

  async flush(): Promise<void> {}

  private entry(key: string): { row?: string; record?: DeliveryRecord } {
    let entry = this.saved.get(key);
    if (!entry) this.saved.set(key, (entry = {}));
    return entry;
  }
}

const ROW = '.json';
const RECORD = '.http';
/** A row is written this long after its first change: an event's arrival and its forward's answer make one write. */
const ROW_DELAY_MS = 100;

/**
 * Files in `dir`: `<key>.json` (the row) and `<key>.http` (the record); every write and delete in order per
 * file. A write takes what is latest when its turn comes: a row changed twice meanwhile is written once, and
 * an event deleted before its turn is not written at all.
 */
export class FileEventStore implements EventStore {
  /** Rows to write, serialized when written. */
  private readonly rowsToWrite = new Map<string, object>();
  /** Records to write; read from here until they are on disk. */
  private readonly unsaved = new Map<string, DeliveryRecord>();
  /** The last operation on each file, so a delete never overtakes the write before it. */
  private readonly last = new Map<string, Promise<unknown>>();
  /** Files on disk, as far as this store knows: one never written needs no delete. */
  private readonly onDisk = new Set<string>();
  private made: Promise<unknown> | undefined;

  constructor(private readonly dir: string, private readonly onError: (error: unknown) => void) {}

  async rows(): Promise<Map<string, unknown>> {
    const names = await fs.readdir(this.dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
    names.forEach((name) => this.onDisk.add(path.join(this.dir, name)));
    const keys = new Set(names.filter((n) => n.endsWith(ROW)).map((n) => n.slice(0, -ROW.length)).filter(isEventKey));
    this.removeFiles(names.filter((n) => n.endsWith(RECORD) && !keys.has(n.slice(0, -RECORD.length))));
    // A row cut short (the window closed while writing it) reads as undefined: the log deletes it.
    return new Map(await Promise.all([...keys].map(async (key) => [key, await fs.readFile(this.file(key, ROW), 'utf8').then(JSON.parse).catch(() => undefined)] as const)));
  }

  saveRow(key: string, row: object): void {
    this.check(key);
    if (this.rowsToWrite.has(key)) return void this.rowsToWrite.set(key, row);
    this.rowsToWrite.set(key, row);
    this.write(this.file(key, ROW), async () => {
      await new Promise((resolve) => setTimeout(resolve, ROW_DELAY_MS));
      const latest = this.rowsToWrite.get(key);
      this.rowsToWrite.delete(key);
      if (latest) await fs.writeFile(this.file(key, ROW), JSON.stringify(latest));
    });
  }

  writeRecord(key: string, record: DeliveryRecord): void {
    this.check(key);
    this.unsaved.set(key, record);
    this.write(this.file(key, RECORD), async () => {
      if (this.unsaved.get(key) !== record) return; // deleted, or written again, meanwhile
      await fs.writeFile(this.file(key, RECORD), Buffer.concat([Buffer.from(`${JSON.stringify(record.headers)}\n`), record.body]));
      if (this.unsaved.get(key) === record) this.unsaved.delete(key);
    });
  }

  async readRecord(key: string): Promise<DeliveryRecord | undefined> {
    if (!isEventKey(key)) return undefined;
    const unsaved = this.unsaved.get(key);
    if (unsaved) return unsaved;
    await this.last.get(this.file(key, RECORD));
    const bytes = await fs.readFile(this.file(key, RECORD)).catch(() => undefined);
    const line = bytes?.indexOf(0x0a) ?? -1;
    if (!bytes || line < 0) return undefined;
    return { headers: JSON.parse(bytes.subarray(0, line).toString('utf8')), body: bytes.subarray(line + 1) };
  }

  removeRecord(key: string): void {
    this.unsaved.delete(key);
    if (isEventKey(key)) this.removeFiles([`${key}${RECORD}`]);
  }

  remove(keys: readonly string[]): void {
    for (const key of keys.filter(isEventKey)) {
      this.unsaved.delete(key);
      this.rowsToWrite.delete(key);
      this.removeFiles([`${key}${ROW}`, `${key}${RECORD}`]);
    }
  }

  async flush(): Promise<void> {
    await Promise.all(this.last.values());
  }

  private check(key: string): void {
    if (!isEventKey(key)) throw new Error(`not an event key: ${key}`);
  }

  private file(key: string, kind: string): string {
    return path.join(this.dir, `${key}${kind}`);
  }

  private removeFiles(names: readonly string[]): void {
    for (const file of names.map((name) => path.join(this.dir, name))) {
      this.after(file, async () => {
        if (!this.onDisk.delete(file)) return;
        await fs.unlink(file).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
      });
    }
  }

  private write(file: string, operation: () => Promise<unknown>): void {
    this.after(file, async () => {
      this.made ??= fs.mkdir(this.dir, { recursive: true }).catch((error) => {
        this.made = undefined; // tried again on the next write
        throw error;
      });
      await this.made;
      this.onDisk.add(file); // before the write: a write cut short still leaves a file to delete
      await operation();
    });
  }

  private after(file: string, operation: () => Promise<unknown>): void {
    const done = (this.last.get(file) ?? Promise.resolve()).then(operation).catch(this.onError);
    this.last.set(file, done);
    void done.then(() => this.last.get(file) === done && this.last.delete(file));
  }
}
