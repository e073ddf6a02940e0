// Reads a file of a folder on the local disk in the scan's own thread: no round trip through the
// extension host per file. A file is read only when its real path is inside its folder's real path: VS Code's
// file search follows links to directories, and a file may itself be a link.
import fs from 'node:fs';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../scanFiles';
import { FileSkipped } from '../scanState';
import type { DiskFiles } from './protocol';

/** Opening a link without following it fails (ELOOP), so links cost nothing extra; Windows has no such flag. */
const NO_FOLLOW: number | undefined = fs.constants.O_NOFOLLOW;

/** Whether `real` is `folder` or inside it (both real paths). */
function isInside(folder: string, real: string): boolean {
  const relative = path.relative(folder, real);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

export class DiskReader {
  /** Real paths of the folders, resolved once each. */
  private readonly realFolders = new Map<number, string>();
  /**
   * Whether each directory files are read from really is inside its folder, decided once per directory (a folder
   * has far fewer than files; all the files of a directory belong to one folder).
   */
  private readonly directoryInside = new Map<string, boolean>();
  /** Reused for every file; grows (up to the size limit) for a larger one. */
  private scratch = Buffer.allocUnsafe(64 * 1024);

  constructor(private readonly disk: DiskFiles) {}

  /** Whether the job's file at `index` is on the disk. */
  has(index: number): boolean {
    return this.disk.paths[index] !== null;
  }

  /**
   * The file's bytes; FileSkipped when it is larger than `maxBytes` or its real path is outside its folder.
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

  /** The directories on the way are checked first (cached), then the file itself only when it is a link. */
  private open(index: number): number {
    const file = this.disk.paths[index]!;
    const folder = this.realFolder(this.disk.folderOf[index]);
    if (!this.isDirectoryInside(path.dirname(file), folder)) throw new FileSkipped('outside-folder');
    if (NO_FOLLOW === undefined) {
      if (!fs.lstatSync(file).isSymbolicLink()) return fs.openSync(file, 'r');
    } else {
      try {
        return fs.openSync(file, fs.constants.O_RDONLY | NO_FOLLOW);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ELOOP') throw error;
      }
    }
    if (!isInside(folder, fs.realpathSync(file))) throw new FileSkipped('outside-folder');
    return fs.openSync(file, 'r');
  }

  private realFolder(index: number): string {
    let real = this.realFolders.get(index);
    if (real === undefined) {
      real = fs.realpathSync(this.disk.folders[index]);
      this.realFolders.set(index, real);
    }
    return real;
  }

  private isDirectoryInside(directory: string, folder: string): boolean {
    let inside = this.directoryInside.get(directory);
    if (inside === undefined) {
      inside = isInside(folder, fs.realpathSync(directory));
      this.directoryInside.set(directory, inside);
    }
    return inside;
  }
}
