// What each event received (its headers and body), kept beside the log's rows: the rows are saved at every
// change, so they stay small, and a record is written once, in a file of its own in the folder's workspace
// storage, and deleted when its event leaves the log or its body is dropped. No save rewrites the bodies.
import fs from 'node:fs/promises';
import path from 'node:path';

export interface DeliveryRecord {
  /** Lower-case header names, as received (or as sent, for a test event). */
  headers: Record<string, string>;
  /** The exact bytes. */
  body: Buffer;
}

export interface RecordStore {
  write(key: string, record: DeliveryRecord): void;
  read(key: string): Promise<DeliveryRecord | undefined>;
  remove(keys: readonly string[]): void;
  /** Deletes every record but these (left by a window that closed between the two saves). */
  keepOnly(keys: ReadonlySet<string>): void;
}

/** The bytes a record takes: its headers as a JSON line, then the body. */
export const recordSize = ({ headers, body }: DeliveryRecord): number => Buffer.byteLength(JSON.stringify(headers)) + 1 + body.length;

/** Event keys are UUIDs; anything else never becomes a file name. */
const KEY = /^[\w-]{1,64}$/;

/** For a window without a folder (no workspace storage): kept until the window closes. */
export class MemoryRecords implements RecordStore {
  private readonly records = new Map<string, DeliveryRecord>();

  write(key: string, record: DeliveryRecord): void {
    this.records.set(key, record);
  }

  async read(key: string): Promise<DeliveryRecord | undefined> {
    return this.records.get(key);
  }

  remove(keys: readonly string[]): void {
    for (const key of keys) this.records.delete(key);
  }

  keepOnly(keys: ReadonlySet<string>): void {
    for (const key of this.records.keys()) if (!keys.has(key)) this.records.delete(key);
  }
}

/** One file per record in `dir`; every write and delete runs off the thread, in order per key. */
export class FileRecords implements RecordStore {
  /** Written but maybe not on disk yet: read from here meanwhile. */
  private readonly unsaved = new Map<string, DeliveryRecord>();
  /** The last operation on each key, so a delete never overtakes the write before it. */
  private readonly last = new Map<string, Promise<unknown>>();
  private made: Promise<unknown> | undefined;

  constructor(private readonly dir: string, private readonly onError: (error: unknown) => void) {}

  write(key: string, record: DeliveryRecord): void {
    if (!KEY.test(key)) throw new Error(`not a record key: ${key}`);
    this.unsaved.set(key, record);
    const bytes = Buffer.concat([Buffer.from(`${JSON.stringify(record.headers)}\n`), record.body]);
    this.after(key, async () => {
      this.made ??= fs.mkdir(this.dir, { recursive: true });
      await this.made;
      await fs.writeFile(this.file(key), bytes);
      if (this.unsaved.get(key) === record) this.unsaved.delete(key);
    });
  }

  async read(key: string): Promise<DeliveryRecord | undefined> {
    if (!KEY.test(key)) return undefined;
    const unsaved = this.unsaved.get(key);
    if (unsaved) return unsaved;
    await this.last.get(key);
    const bytes = await fs.readFile(this.file(key)).catch(() => undefined);
    const line = bytes?.indexOf(0x0a) ?? -1;
    if (!bytes || line < 0) return undefined;
    return { headers: JSON.parse(bytes.subarray(0, line).toString('utf8')), body: bytes.subarray(line + 1) };
  }

  remove(keys: readonly string[]): void {
    for (const key of keys.filter((k) => KEY.test(k))) {
      this.unsaved.delete(key);
      this.after(key, () => fs.rm(this.file(key), { force: true }));
    }
  }

  keepOnly(keys: ReadonlySet<string>): void {
    fs.readdir(this.dir).then(
      (names) => this.remove(names.filter((name) => !keys.has(name) && !this.unsaved.has(name))),
      (error: NodeJS.ErrnoException) => error.code !== 'ENOENT' && this.onError(error),
    );
  }

  private file(key: string): string {
    return path.join(this.dir, key);
  }

  private after(key: string, operation: () => Promise<unknown>): void {
    const done = (this.last.get(key) ?? Promise.resolve()).then(operation).catch(this.onError);
    this.last.set(key, done);
    void done.then(() => this.last.get(key) === done && this.last.delete(key));
  }
}
