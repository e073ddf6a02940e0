// Unit suite: plain mocha on Node for the modules that do not import vscode.
import { findTests, runMocha } from '../support/runMocha';

void runMocha('unit', findTests(__dirname), { timeout: 10_000 }).then((r) => {
  process.exitCode = r.failed.length > 0 ? 1 : 0;
});
