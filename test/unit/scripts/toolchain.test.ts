// The decision that runs a script on the toolchain's Node 24: once, whatever symbolic links the paths go through.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const TOOLCHAIN = path.resolve(__dirname, '../../../../scripts/toolchain.mjs');

interface Toolchain {
  ON_NODE24: string;
  mustStartNode24(bin: string, execPath: string, env: Record<string, string | undefined>): boolean;
}

suite('toolchain: starting Node 24 for a script', () => {
  let toolchain: Toolchain;
  let base: string;
  let real: string;
  let linked: string;
  let other: string;

  suiteSetup(async () => {
    toolchain = (await import(pathToFileURL(TOOLCHAIN).href)) as Toolchain;
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'toolchain-'));
    // .vscode-test/node24 behind a link, as a worktree sharing another checkout's toolchain has it.
    fs.mkdirSync(path.join(base, 'real', 'bin'), { recursive: true });
    real = path.join(base, 'real', 'bin', 'node');
    fs.writeFileSync(real, '');
    fs.symlinkSync(path.join(base, 'real'), path.join(base, 'node24'));
    linked = path.join(base, 'node24', 'bin', 'node');
    other = path.join(base, 'other-node');
    fs.writeFileSync(other, '');
  });
  suiteTeardown(() => fs.rmSync(base, { recursive: true, force: true }));

  test('Node 24 reached through a link is the Node running (process.execPath is the real path): nothing is started', () => {
    assert.equal(toolchain.mustStartNode24(linked, real, {}), false);
    assert.equal(toolchain.mustStartNode24(real, real, {}), false);
  });

  test('another Node starts Node 24, once: the process it starts is marked and never starts another', () => {
    assert.equal(toolchain.mustStartNode24(linked, other, {}), true);
    assert.equal(toolchain.mustStartNode24(linked, other, { [toolchain.ON_NODE24]: '1' }), false);
  });
});
