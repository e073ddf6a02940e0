// Reads a file of a folder on the local disk in the scan's own thread: no round trip through the
// extension host per file. A file that is a link is read only when its target stays inside its folder.
import fs from 'node:fs';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../scanner';
import { FileSkipped } from '../scanState';
import type { DiskFiles } from './protocol';

/** Opening a link without following it fails (ELOOP), so links cost nothing extra; Windows has no such flag. */
const NO_FOLLOW: number | undefined = fs.constants.O_NOFOLLOW;

export class DiskReader {
  /** Real paths of the folders, resolved once each, when a link needs them. */
  private readonly realFolders = new Map<number, string>();
  /** Reused for every file; grows (up to the size limit) for a larger one. */
  private scratch = Buffer.allocUnsafe(64 * 1024);

  constructor(private readonly disk: DiskFiles) {}

  /** Whether the job's file at `index` is on the disk. */
  has(index: number): boolean {
    return this.disk.paths[index] !== null;
  }

  /**
   * The file's bytes; FileSkipped when it is larger than `maxBytes` or a link leading out of its folder.
   * Read until the end without asking its size: fstat costs more than the read that finds the end. The
   * bytes are the reader's own buffer, valid until its next read: a copy per file costs more than its scan.
   */
  read(index: number, maxBytes = MAX_FILE_BYTES): Uint8Array {
    const fd = this.open(index);
    try {
      let length = 0;
      for (;;) {
        if (length === this.scratch.length) this.scratch = Buffer.concat([this.scratch, Buffer.allocUnsafe(length)]);
        const n = fs.readSync(fd, this.scratch, length, this.scratch.length - length, null);
        if (n === 0) return this.scratch.subarray(0, length);
        length += n;
        if (length > maxBytes) throw new FileSkipped('too-large');
      }
    } finally {
      fs.closeSync(fd);
    }
  }

  private open(index: number): number {
    const file = this.disk.paths[index]!;
    if (NO_FOLLOW === undefined) {
      if (!fs.lstatSync(file).isSymbolicLink()) return fs.openSync(file, 'r');
    } else {
      try {
        return fs.openSync(file, fs.constants.O_RDONLY | NO_FOLLOW);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ELOOP') throw error;
      }
    }
    if (this.leavesFolder(file, this.disk.folderOf[index])) throw new FileSkipped('outside-folder');
    return fs.openSync(file, 'r');
  }

  private leavesFolder(file: string, folderIndex: number): boolean {
    let folder = this.realFolders.get(folderIndex);
    if (folder === undefined) {
      folder = fs.realpathSync(this.disk.folders[folderIndex]);
      this.realFolders.set(folderIndex, folder);
    }
    const relative = path.relative(folder, fs.realpathSync(file));
    return relative.startsWith('..') || path.isAbsolute(relative);
  }
}
