// ThirdPartyNotices.txt against what the build put into dist/ (its source maps name every file whose code is in
// a bundle; `node esbuild.mjs` runs before the suites) and against the VSIX's file list.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const DIST = path.join(ROOT, 'dist');

/** The directory of the package a file belongs to: the nearest package.json with a name and a version. */
function packageOf(file: string): { dir: string; name: string; version: string } {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const { name, version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (name && version) return { dir, name, version };
  }
  throw new Error(`no package for ${file}`);
}

/** Every package with code in a bundle of dist/, by "name version". */
function bundledPackages(): Map<string, string> {
  const maps = fs.readdirSync(DIST).filter((f) => f.endsWith('.js.map'));
  assert.ok(maps.length > 0, 'dist/ has the source maps of a development build (node esbuild.mjs)');
  const packages = new Map<string, string>();
  for (const map of maps) {
    const { sources } = JSON.parse(fs.readFileSync(path.join(DIST, map), 'utf8')) as { sources: string[] };
    for (const source of sources.filter((s) => s.includes('node_modules/'))) {
      const { dir, name, version } = packageOf(path.resolve(DIST, source));
      packages.set(`${name} ${version}`, dir);
    }
  }
  return packages;
}

suite('third-party notices', function () {
  this.timeout(60_000);

  test('ThirdPartyNotices.txt carries every package whose code is in dist/, each with its license text, and the API catalog\'s notice', () => {
    const notices = fs.readFileSync(path.join(ROOT, 'ThirdPartyNotices.txt'), 'utf8');
    const packages = bundledPackages();
    assert.ok([...packages.keys()].some((p) => p.startsWith('got ')), `got is bundled: ${[...packages.keys()]}`);
    const missing = [...packages].filter(([nameVersion, dir]) => {
      const license = fs.readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
      return !new RegExp(`^${nameVersion.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`, 'm').test(notices) || !license || !notices.includes(fs.readFileSync(path.join(dir, license), 'utf8').trim());
    }).map(([nameVersion]) => nameVersion);
    assert.deepEqual(missing, [], 'bundled packages without their notice');
    assert.ok(notices.includes(fs.readFileSync(path.join(ROOT, 'src/explorer/catalog.NOTICE'), 'utf8').trim()), 'the API catalog\'s notice');
  });

  test('the VSIX ships ThirdPartyNotices.txt at its root and nothing from src/', () => {
    // vsce lists the files of a copy holding what git tracks and what the build wrote: in the checkout it would
    // first walk .vscode-test/ and node_modules/ (a minute on a busy machine) only to ignore them.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'vsix-files-'));
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const file of [...tracked, 'ThirdPartyNotices.txt', ...fs.readdirSync(DIST).map((f) => path.join('dist', f))]) {
      if (!fs.existsSync(path.join(ROOT, file))) continue; // deleted in the working tree, not yet in git
      fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, file), path.join(copy, file));
    }
    const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
    const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: copy, encoding: 'utf8' }).split('\n').filter(Boolean);
    fs.rmSync(copy, { recursive: true, force: true });
    assert.ok(files.includes('ThirdPartyNotices.txt'), files.join(', '));
    assert.deepEqual(files.filter((f) => f.startsWith('src/')), []);
  });
});
