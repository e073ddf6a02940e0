// Entry the extension host calls (extensionTestsPath): runs every *.test.js beside it in the
// real host and rejects on failure, which makes the host exit non-zero. Used by both runners.
import { findTests, runMocha } from '../support/runMocha';
import { testOutput } from './output';

export async function run(): Promise<void> {
  const results = await runMocha('exthost', findTests(__dirname), { timeout: 30_000, color: false }, testOutput);
  if (results.failed.length > 0) throw new Error(`${results.failed.length} extension-host test(s) failed`);
}
