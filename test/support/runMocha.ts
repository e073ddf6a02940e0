// One mocha runner for every suite (unit on Node, extension host, E2E): runs the given
// files and writes {passed, failed} to a results file the test orchestrator sums up.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import Mocha from 'mocha';

export interface SuiteResults {
  suite: string;
  passed: string[];
  failed: { title: string; error: string }[];
}

export function findTests(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.js'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** `output` replaces the reporter's console (the extension host tags the suite's lines). */
export function runMocha(suite: string, files: string[], options: Mocha.MochaOptions = {}, output?: (text: string) => void): Promise<SuiteResults> {
  if (output) Mocha.reporters.Base.consoleLog = (...args: unknown[]) => output(util.format(...args));
  const mocha = new Mocha({ ui: 'tdd', color: !process.env.CI, reporter: 'spec', timeout: 20_000, ...options });
  const grep = process.env.TEST_GREP;
  if (grep) mocha.grep(grep);
  files.forEach((f) => mocha.addFile(f));
  const results: SuiteResults = { suite, passed: [], failed: [] };
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      const file = process.env.TEST_RESULT_FILE;
      if (file) fs.writeFileSync(file, JSON.stringify(results, null, 2));
      resolve(results);
    });
    runner.on('pass', (t) => results.passed.push(t.fullTitle()));
    runner.on('fail', (t, err) => results.failed.push({ title: t.fullTitle(), error: String(err?.message ?? err) }));
  });
}
