// E2E suite: mocha on Node driving headless Chromium (and code-server's workbench) like a person.
import { findTests, runMocha } from '../support/runMocha';

void runMocha('e2e', findTests(__dirname), { timeout: 120_000 }).then((r) => {
  process.exitCode = r.failed.length > 0 ? 1 : 0;
});
