// ThirdPartyNotices.txt, written by every build (esbuild.mjs) from what the bundles really contain: each
// package whose code esbuild put into an output, with the license file it ships in node_modules, then the
// notices of data the extension carries (Intercom's OpenAPI descriptions: src/explorer/catalog.NOTICE,
// src/canvasKit/schema/canvas.schema.NOTICE).
import fs from 'node:fs';
import path from 'node:path';

export const NOTICES_FILE = 'ThirdPartyNotices.txt';

/** Notices of data, not code, that the bundles carry. */
const DATA_NOTICES = [
  { title: "Intercom's OpenAPI descriptions (the API catalog)", file: 'src/explorer/catalog.NOTICE' },
  { title: "Intercom's OpenAPI description 2.11 (the Canvas Kit schema)", file: 'src/canvasKit/schema/canvas.schema.NOTICE' },
];

const LICENSE_FILE = /^(licen[cs]e|copying)([.-].*)?$/i;

/** "node_modules/a/node_modules/@s/b/dist/x.js" → "node_modules/a/node_modules/@s/b"; undefined outside node_modules. */
export function packageDirOf(file) {
  const normal = file.split(path.sep).join('/');
  const at = normal.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const rest = normal.slice(at + 'node_modules/'.length).split('/');
  return normal.slice(0, at) + ['node_modules', ...rest.slice(0, rest[0].startsWith('@') ? 2 : 1)].join('/');
}

/** The package directories (relative to `root`) of the inputs that put bytes into an output of these metafiles. */
export function bundledPackages(metafiles, root) {
  const dirs = new Set();
  for (const { outputs } of metafiles) {
    for (const output of Object.values(outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const dir = bytesInOutput > 0 ? packageDirOf(input) : undefined;
        if (dir) dirs.add(path.relative(root, path.resolve(root, dir)));
      }
    }
  }
  return [...dirs].sort();
}

/** Name, version, homepage and license text of a package in node_modules; throws when it ships no license file. */
export function readPackage(root, dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
  const licenseFile = fs.readdirSync(path.join(root, dir)).filter((f) => LICENSE_FILE.test(f)).sort()[0];
  if (!licenseFile) throw new Error(`${dir} (${manifest.name}) ships no license file: ${NOTICES_FILE} cannot carry its notice`);
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  return {
    name: manifest.name,
    version: manifest.version,
    license: manifest.license,
    source: manifest.homepage ?? repository?.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^(?![a-z]+:)/, 'https://github.com/'),
    text: fs.readFileSync(path.join(root, dir, licenseFile), 'utf8').trim(),
  };
}

const RULE = '='.repeat(72);
const section = (title, source, text) => [RULE, title, ...(source ? [source] : []), RULE, '', text, ''];

/** The file's text: packages (one section per name and version) in name order, then the data notices. */
export function renderNotices(packages, dataNotices) {
  const unique = [...new Map(packages.map((p) => [`${p.name}@${p.version}`, p])).values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  return [
    'Intercom Developer Tools for VS Code: third-party notices',
    '',
    'This extension bundles the code and data listed below. Each part is distributed under its own license,',
    'reproduced in its section; the extension itself is under the MIT License in LICENSE.',
    '',
    ...unique.map((p, i) => `${i + 1}. ${p.name} ${p.version} (${p.license})`),
    ...dataNotices.map((d, i) => `${unique.length + i + 1}. ${d.title}`),
    '',
    ...unique.flatMap((p) => section(`${p.name} ${p.version} (${p.license})`, p.source, p.text)),
    ...dataNotices.flatMap((d) => section(d.title, undefined, d.text)),
  ].join('\n');
}

/** Writes `root`/ThirdPartyNotices.txt for the builds whose metafiles are given. */
export function writeNotices(root, metafiles) {
  const packages = bundledPackages(metafiles, root).map((dir) => readPackage(root, dir));
  const data = DATA_NOTICES.map((d) => ({ title: d.title, text: fs.readFileSync(path.join(root, d.file), 'utf8').trim() }));
  fs.writeFileSync(path.join(root, NOTICES_FILE), `${renderNotices(packages, data)}\n`);
}
