// Reads files of a repository at a revision, from a bare git dir or a checkout (via git), for the
// regeneration scripts. Nothing is copied into this repository: callers extract structure only.
import { execFileSync } from 'node:child_process';

export function gitReader(dir, rev = 'HEAD') {
  const git = (...args) => execFileSync('git', ['--git-dir', gitDir(dir), ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const commit = git('rev-parse', `${rev}^{commit}`).trim();
  const files = git('ls-tree', '-r', '--name-only', commit).split('\n').filter(Boolean);
  return {
    commit,
    /** Paths under `prefix` at the revision. */
    list: (prefix = '') => files.filter((f) => f.startsWith(prefix)),
    read: (file) => git('show', `${commit}:${file}`),
  };
}

function gitDir(dir) {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', '--git-dir'], { encoding: 'utf8' }).trim().replace(/^(?!\/)/, `${dir}/`);
  } catch {
    return dir;
  }
}
