// The scanner with its SDK tables, and the parts of it the code analysis reads, in one bundle: dist/scan.js, which
// the code analysis and each scan thread require instead of holding a copy (esbuild.mjs). Pure, so a worker thread
// can load it.
export * from './scanner';
export * from './comments';
export * from './source';
