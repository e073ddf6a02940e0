// Which files the scope scan reads. Its own module so the folder search that feeds the scan worker
// (features/scopes/scanFolder.ts) does not bundle the scanner and its SDK tables.
import { escapeRegExp, type Language } from './source';

/** Directories never scanned: dependencies, VCS data, build output, caches. */
export const SKIPPED_DIRECTORIES: readonly string[] = [
  'node_modules', 'bower_components', 'jspm_packages', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'vendor',
  '.venv', 'venv', 'env', '__pycache__', '.tox', '.mypy_cache', '.pytest_cache', 'site-packages', 'target',
  'coverage', '.nyc_output', '.next', '.nuxt', '.svelte-kit', '.turbo', '.cache', '.vscode-test', '.bundle', 'tmp',
];

export const LANGUAGES: Readonly<Record<string, Language>> = {
  js: 'js', jsx: 'js', mjs: 'js', cjs: 'js', ts: 'js', tsx: 'js', mts: 'js', cts: 'js',
  py: 'python', rb: 'ruby', php: 'php', go: 'go',
  // Rails' tasks; Drupal's modules and includes.
  rake: 'ruby', module: 'php', inc: 'php',
};

/** File extensions scanned, without the dot. */
export const SCANNED_EXTENSIONS: readonly string[] = Object.keys(LANGUAGES);

/** Glob for `workspace.findFiles`: every scanned extension. */
export const SCAN_INCLUDE_GLOB = `**/*.{${SCANNED_EXTENSIONS.join(',')}}`;

/** Glob for `workspace.findFiles`' exclude argument: the skipped directories. */
export const SCAN_EXCLUDE_GLOB = `**/{${SKIPPED_DIRECTORIES.join(',')}}/**`;

/** A skipped directory anywhere in a path (relative or absolute, either separator): one test per path. */
const SKIPPED_PATH = new RegExp(`(?:^|[\\\\/])(?:${SKIPPED_DIRECTORIES.map(escapeRegExp).join('|')})[\\\\/]`);

/** A Map, not the object: no inherited key (`x.constructor`) names a language. */
const LANGUAGE_OF_EXTENSION = new Map(Object.entries(LANGUAGES));

export function languageOf(file: string): Language | undefined {
  const dot = file.lastIndexOf('.');
  if (dot < 0) return undefined;
  const extension = file.slice(dot + 1);
  return LANGUAGE_OF_EXTENSION.get(extension) ?? LANGUAGE_OF_EXTENSION.get(extension.toLowerCase());
}

/** Whether a path (relative or absolute, `/` or `\`) has a scanned extension and no skipped directory. */
export function isScannable(file: string): boolean {
  return languageOf(file) !== undefined && !SKIPPED_PATH.test(file);
}
