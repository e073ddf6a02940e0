// The files of a folder of real code (checked out outside this repo) that the scope scan would read:
// scannable names, the scanner's skipped folders and symbolic links left out. Shared by the corpus scripts.
import fs from 'node:fs';
import path from 'node:path';

/** `scanner`: the compiled src/scopes/files.js. Relative to `folder`, with `/`, sorted. */
export function listScannable(folder, { isScannable, SKIPPED_DIRECTORIES }) {
  const skipped = new Set(SKIPPED_DIRECTORIES);
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isSymbolicLink()) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) walk(full);
      } else if (entry.isFile()) {
        const rel = path.relative(folder, full).split(path.sep).join('/');
        if (isScannable(rel)) files.push(rel);
      }
    }
  };
  walk(folder);
  return files.sort();
}
