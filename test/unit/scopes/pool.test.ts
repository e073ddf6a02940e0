// The scan on several worker threads (ScanPool, running the transpiled worker entry) against scanFiles on
// one thread: the same result, file for file, whichever thread scanned which file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { capabilitiesForFindings } from '../../../src/scopes/capabilities';
import { MAX_FILE_BYTES, scanFiles } from '../../../src/scopes/scanFiles';
import { isScannable } from '../../../src/scopes/scanner';
import { FileSkipped, type ScanResult } from '../../../src/scopes/scanState';
import { DiskReader } from '../../../src/scopes/worker/disk';
import { PoolKeeper, ScanPool, type HostFiles, type OnDisk } from '../../../src/scopes/worker/pool';
import { CRAFTED_FILES } from '../../support/craftedFiles';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/scopes');
const ENTRY = path.resolve(__dirname, '../../../src/scopes/worker/scanWorker.js');

/** Every file under `root`, by its path relative to it with `/`, as the scan names files. */
function listed(root: string): string[] {
  return fs.readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.lstatSync(path.join(root, f)).isFile() || fs.lstatSync(path.join(root, f)).isSymbolicLink())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** What the file behind the directory link would add: a call to delete a contact. */
const SECRET_CALL = "import requests\nrequests.delete('https://api.intercom.io/contacts/123', headers=HEADERS)\n";

const onDisk = (root: string): OnDisk => ({ folders: [root], locate: (file) => ({ path: path.join(root, file), folder: 0 }) });

async function withPool(size: number, use: (pool: ScanPool) => Promise<ScanResult>): Promise<ScanResult> {
  const pool = new ScanPool(ENTRY, size);
  try {
    return await use(pool);
  } finally {
    await pool.dispose();
  }
}

suite('scopes scan pool: several threads, the result of one', function () {
  this.timeout(60_000);
  let folder: string;
  let outside: string;
  let files: string[];

  suiteSetup(() => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-pool-'));
    folder = path.join(base, 'folder');
    outside = path.join(base, 'outside');
    fs.cpSync(FIXTURES, path.join(folder, 'app'), { recursive: true });
    // Enough files that every thread gets a share.
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(folder, `filler${i}.js`), `export const total${i} = (a, b) => a + b * ${i};\n`);
    fs.writeFileSync(path.join(folder, 'blob.js'), Buffer.concat([Buffer.from("fetch('https://api.intercom.io/me')"), Buffer.alloc(4)]));
    fs.writeFileSync(path.join(folder, 'bundle.js'), "fetch('https://api.intercom.io/me');\n".repeat(MAX_FILE_BYTES / 30));
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'calls.ts'), "await fetch('https://api.intercom.io/data_connectors', { method: 'POST' });\n");
    fs.symlinkSync(path.join(outside, 'calls.ts'), path.join(folder, 'out-link.ts'));
    fs.symlinkSync(path.join(folder, 'app', 'js', 'intercom-app.ts'), path.join(folder, 'in-link.ts'));
    // A link to a directory outside: listed through it (linkdir/calls.ts, linkdir/secret.py), as VS Code's file search lists it.
    fs.writeFileSync(path.join(outside, 'secret.py'), SECRET_CALL);
    fs.symlinkSync('../outside', path.join(folder, 'linkdir'));
    // Names the scan never reads (first: every index after them shifts), and one gone by the time it is read.
    files = ['README.md', 'node_modules/intercom/index.js', ...listed(folder), 'gone.rb'];
  });
  suiteTeardown(() => fs.rmSync(path.dirname(folder), { recursive: true, force: true }));

  /** scanFiles reading as the threads do. */
  const oneThread = (options = {}) => {
    const scannable = files.filter(isScannable);
    const index = new Map(scannable.map((file, i) => [file, i]));
    const reader = new DiskReader({ folders: [folder], paths: scannable.map((file) => path.join(folder, file)), folderOf: new Int32Array(scannable.length) });
    return scanFiles(files, (file) => reader.read(index.get(file)!), options);
  };

  test('files read from the disk by 3 threads: the same findings in the same order, the same skipped files, the project pass included', async () => {
    const expected = await oneThread();
    const result = await withPool(3, (pool) => pool.scan({ files, disk: onDisk(folder) }));
    assert.deepEqual(result, expected);
    assert.deepEqual(capabilitiesForFindings(result.findings).map((c) => c.id), capabilitiesForFindings(expected.findings).map((c) => c.id));
    // The cases the comparison is about.
    assert.deepEqual(
      result.skipped.map((s) => `${s.file} ${s.reason}`),
      ['blob.js binary', 'bundle.js too-large', 'linkdir/calls.ts outside-folder', 'linkdir/secret.py outside-folder', 'out-link.ts outside-folder', 'gone.rb unreadable'],
    );
    assert.ok(!result.findings.some((f) => f.file.startsWith('linkdir/')), 'nothing read through the directory link');
    const found = new Set(result.findings.map((f) => `${f.file}:${f.line}`));
    assert.ok(found.has('app/project/web/src/services/people.ts:8'), 'a wrapper found through an import in another file');
    assert.ok([...found].some((f) => f.startsWith('in-link.ts:')), 'a link inside the folder is read');
    assert.ok(result.checkByHand.length > 0, 'files to check by hand');
  });

  /** As the extension host reads a remote folder, refusing the link as the disk reader does. */
  const host: HostFiles = {
    read: async (f) => {
      if (f === 'out-link.ts' || f.startsWith('linkdir/')) throw new FileSkipped('outside-folder');
      return fs.readFileSync(path.join(folder, f));
    },
    size: async (f) => fs.statSync(path.join(folder, f)).size,
  };

  test('a pool scans again as a fresh one does: a second and a third scan, with the project pass, give the same result', async () => {
    const expected = await oneThread();
    await withPool(3, async (pool) => {
      await pool.scan({ files: files.slice(0, 40).reverse(), disk: onDisk(folder) });
      for (let scan = 1; scan <= 3; scan++) assert.deepEqual(await pool.scan({ files, disk: onDisk(folder) }), expected, `scan ${scan}`);
      return expected;
    });
  });

  test('files read by the host (a remote folder): the same result, and a file the host refuses is listed as skipped', async () => {
    const expected = await scanFiles(files, host.read, { sizeOf: (f) => host.size(f).catch(() => undefined) });
    const result = await withPool(2, (pool) => pool.scan({ files, host }));
    assert.deepEqual(result, expected);
    assert.ok(result.skipped.some((s) => s.file === 'out-link.ts' && s.reason === 'outside-folder'));
  });

  test('some files on the disk, the others read by the host (a local and a remote folder): the same result', async () => {
    const local = onDisk(folder);
    // Every other file is on the disk.
    const mixed: OnDisk = { folders: local.folders, locate: (file) => (files.indexOf(file) % 2 === 0 ? local.locate(file) : undefined) };
    const result = await withPool(2, (pool) => pool.scan({ files, disk: mixed, host }));
    assert.deepEqual(result, await oneThread());
  });

  test('cancelled before it starts: nothing scanned, as on one thread', async () => {
    const result = await withPool(2, (pool) => (pool.cancel(), pool.scan({ files, disk: onDisk(folder) })));
    assert.deepEqual(result, await oneThread({ isCancelled: () => true }));
    assert.equal(result.cancelled, true);
  });

  test('progress counts the files every thread has done, up to all of them', async () => {
    const counts: number[] = [];
    const result = await withPool(2, (pool) => pool.scan({ files, disk: onDisk(folder), onProgress: (done, total) => counts.push(total - done) }));
    assert.equal(counts.at(-1), 0, 'the last report is all files done');
    assert.ok(counts.length < files.length, `${counts.length} reports for ${files.length} files: not one per file`);
    assert.equal(result.cancelled, false);
  });

  suite('crafted slow files', () => {
    const crafted = CRAFTED_FILES.map((c) => c.file);
    suiteSetup(() => {
      fs.mkdirSync(path.join(folder, 'crafted'));
      for (const c of CRAFTED_FILES) fs.writeFileSync(path.join(folder, 'crafted', c.file), c.make(990_000));
    });
    const craftedFiles = () => crafted.map((f) => `crafted/${f}`);

    test('a file over its time budget is skipped as too slow, in whichever thread scans it', async () => {
      const result = await withPool(2, (pool) => pool.scan({ files: craftedFiles(), disk: onDisk(folder), fileBudgetMs: 1 }));
      assert.deepEqual(result.skipped, craftedFiles().map((file) => ({ file, reason: 'too-slow' })));
      assert.equal(result.scanned, 0);
    });

    test('cancelling while threads are inside files stops them inside: a file in progress is not counted scanned', async () => {
      let startedAtCancel = 0;
      const result = await withPool(2, async (pool) => {
        // Both threads loaded and waiting, so both are handed a crafted file at once.
        await pool.scan({ files: ['filler0.js'], disk: onDisk(folder) });
        let started = 0;
        return pool.scan({
          files: craftedFiles(),
          disk: onDisk(folder),
          fileBudgetMs: 60_000,
          onFileStart: () => {
            if (++started !== 2) return;
            startedAtCancel = started;
            pool.cancel();
          },
        });
      });
      assert.equal(result.cancelled, true);
      // Files the threads finished before the flag was set count; a file a thread was in when it was set does not.
      assert.ok(result.scanned < startedAtCancel, `${result.scanned} files scanned of the ${startedAtCancel} started before cancelling`);
      assert.deepEqual(result.skipped, []);
    });
  });
});

suite('scopes scan pool keeper: threads kept between scans', function () {
  this.timeout(60_000);
  let keeper: PoolKeeper;
  const folder = path.join(FIXTURES, 'js');
  const files = ['intercom-app.ts'];
  const scanWith = async (pool: ScanPool) => (await pool.scan({ files, disk: onDisk(folder) })).findings.length;

  setup(() => {
    keeper = new PoolKeeper(() => new ScanPool(ENTRY, 1), 60_000);
  });
  teardown(() => keeper.dispose());

  test('the pool a scan gave back is lent to the next scan, and scans as a new one does', async () => {
    const first = keeper.take();
    const found = await scanWith(first);
    assert.ok(found > 0);
    keeper.give(first);
    const second = keeper.take();
    assert.equal(second, first);
    assert.equal(await scanWith(second), found);
    keeper.give(second);
  });

  test('a scan that starts while another runs gets a pool of its own; only one is kept', async () => {
    const [a, b] = [keeper.take(), keeper.take()];
    assert.notEqual(a, b);
    await Promise.all([scanWith(a), scanWith(b)]);
    keeper.give(a);
    keeper.give(b);
    const [c, d] = [keeper.take(), keeper.take()];
    assert.equal(c, a);
    assert.notEqual(d, b);
    keeper.give(c);
    keeper.give(d);
  });

  test('a cancelled pool is not kept: its threads may have stopped in the middle of a file', async () => {
    const pool = keeper.take();
    pool.cancel();
    assert.equal((await pool.scan({ files, disk: onDisk(folder) })).cancelled, true);
    keeper.give(pool);
    const next = keeper.take();
    assert.notEqual(next, pool);
    assert.ok((await scanWith(next)) > 0);
    keeper.give(next);
  });
});
