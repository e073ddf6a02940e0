// Each signature snippet checks the simulator's own signed requests, as an app receives them: a small
// driver per language calls the snippet's function on the captured bodies and headers. Node and Python
// always run; Ruby, PHP and Go where installed (else a syntax check where gofmt or php exist), as the
// request snippets' test does.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sampleContext } from '../../../src/canvasKit/context';
import { SIGNATURE_SNIPPETS, type SignatureSnippet } from '../../../src/canvasKit/snippets';
import { startCanvasTestApp } from '../../support/canvasTestApp';
import { testSimulator } from './simulator';

const run = promisify(execFile);
const SECRET = 'snippet-secret-Zq9+/=é';

/** Runs with: INTERCOM_CLIENT_SECRET in the environment; arguments are pairs of body file and signature ('-' for none). */
const DRIVERS: Readonly<Record<SignatureSnippet['id'], { snippet: string; driver: string; text: string }>> = {
  node: {
    snippet: 'verify.mjs', driver: 'driver.mjs',
    text: `import fs from 'node:fs';
import { verifyCanvasKitSignature } from './verify.mjs';
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 2) {
  const header = args[i + 1] === '-' ? undefined : args[i + 1];
  console.log(verifyCanvasKitSignature(fs.readFileSync(args[i]), header, process.env.INTERCOM_CLIENT_SECRET) ? 'valid' : 'invalid');
}
`,
  },
  python: {
    snippet: 'verify.py', driver: 'driver.py',
    text: `import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from verify import verify_canvas_kit_signature
args = sys.argv[1:]
for i in range(0, len(args), 2):
    header = None if args[i + 1] == "-" else args[i + 1]
    with open(args[i], "rb") as f:
        print("valid" if verify_canvas_kit_signature(f.read(), header, os.environ["INTERCOM_CLIENT_SECRET"]) else "invalid")
`,
  },
  ruby: {
    snippet: 'verify.rb', driver: 'driver.rb',
    text: `require_relative 'verify'
ARGV.each_slice(2) do |file, signature|
  header = signature == '-' ? nil : signature
  puts verify_canvas_kit_signature(File.binread(file), header, ENV.fetch('INTERCOM_CLIENT_SECRET')) ? 'valid' : 'invalid'
end
`,
  },
  php: {
    snippet: 'verify.php', driver: 'driver.php',
    text: `<?php
require __DIR__ . '/verify.php';
$args = array_slice($argv, 1);
for ($i = 0; $i < count($args); $i += 2) {
    $header = $args[$i + 1] === '-' ? null : $args[$i + 1];
    echo verify_canvas_kit_signature(file_get_contents($args[$i]), $header, getenv('INTERCOM_CLIENT_SECRET')) ? "valid\\n" : "invalid\\n";
}
`,
  },
  go: {
    snippet: 'verify.go', driver: 'main.go',
    text: `package main

import (
	"fmt"
	"os"
)

func main() {
	args := os.Args[1:]
	for i := 0; i+1 < len(args); i += 2 {
		body, err := os.ReadFile(args[i])
		if err != nil {
			panic(err)
		}
		header := args[i+1]
		if header == "-" {
			header = ""
		}
		if VerifyCanvasKitSignature(body, header, os.Getenv("INTERCOM_CLIENT_SECRET")) {
			fmt.Println("valid")
		} else {
			fmt.Println("invalid")
		}
	}
}
`,
  },
};

interface Way {
  needs: string;
  available(): boolean;
  command: string;
  args(dir: string, cases: string[]): string[];
  /** Runs the cases; otherwise a syntax check of the snippet only. */
  runs: boolean;
}

const has = (command: string, args: string[]) => {
  const r = spawnSync(command, args, { stdio: 'ignore' });
  return r.error === undefined && r.status === 0;
};

const WAYS: Readonly<Record<SignatureSnippet['id'], readonly Way[]>> = {
  node: [{ needs: 'node', available: () => true, command: process.execPath, args: (d, c) => [path.join(d, 'driver.mjs'), ...c], runs: true }],
  python: [{ needs: 'python3', available: () => has('python3', ['--version']), command: 'python3', args: (d, c) => [path.join(d, 'driver.py'), ...c], runs: true }],
  ruby: [
    { needs: 'ruby', available: () => has('ruby', ['--version']), command: 'ruby', args: (d, c) => [path.join(d, 'driver.rb'), ...c], runs: true },
  ],
  php: [
    { needs: 'php', available: () => has('php', ['--version']), command: 'php', args: (d, c) => [path.join(d, 'driver.php'), ...c], runs: true },
  ],
  go: [
    { needs: 'go', available: () => has('go', ['version']), command: 'go', args: (d, c) => ['run', path.join(d, 'verify.go'), path.join(d, 'main.go'), ...c], runs: true },
    // -l lists the file when gofmt would change it: the snippet is also formatted as gofmt formats.
    { needs: 'gofmt', available: () => has('gofmt', ['-l', os.devNull]), command: 'gofmt', args: (d) => ['-l', '-e', path.join(d, 'verify.go')], runs: false },
  ],
};

/** CI installs these (see .ci/run): there, a missing one fails instead of skipping. */
const REQUIRED = new Set<SignatureSnippet['id']>(['node', 'python']);

interface Case {
  name: string;
  body: Buffer;
  header: string | undefined;
  expected: 'valid' | 'invalid';
}

suite('canvas kit: signature snippets verify the simulator\'s signed requests', () => {
  let dir: string;
  let cases: Case[];

  suiteSetup(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercom-signature-snippets-'));
    // What the simulator sends, as an app receives it: initialize, a submit with non-ASCII text, the probes.
    const app = await startCanvasTestApp();
    app.routes['/initialize'] = { body: { canvas: { content: { components: [{ type: 'input', id: 'note' }, { type: 'button', id: 'go', label: 'Go', action: { type: 'submit' } }] }, stored_data: { step: 'é😀' } } } };
    app.routes['/submit'] = app.routes['/initialize'];
    const context = { ...sampleContext(), user: { ...sampleContext().user, name: 'Hermione Granger é😀 "quoted"' } };
    const sim = testSimulator({ initialize: `${app.url}/initialize`, submit: `${app.url}/submit` }, SECRET, { placement: 'conversation', context });
    await sim.start();
    await sim.click('go', { note: 'Café ☕ <b>&</b>' });
    await sim.checkSignatures();
    await app.close();
    const [initialize, submit, wrong, missing] = app.received.map((r) => ({ body: r.body, header: r.headers['x-body-signature'] as string | undefined }));
    const altered = Buffer.from(submit.body);
    altered[altered.length - 2] ^= 1;
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(submit.body.toString('utf8')), null, 2));
    cases = [
      { name: 'initialize as sent', ...initialize, expected: 'valid' },
      { name: 'submit as sent (non-ASCII text, stored_data)', ...submit, expected: 'valid' },
      { name: 'one byte altered', body: altered, header: submit.header, expected: 'invalid' },
      { name: 'the JSON parsed and written again', body: reserialised, header: submit.header, expected: 'invalid' },
      { name: 'a wrong signature (the probe)', ...wrong, expected: 'invalid' },
      { name: 'no signature (the probe)', ...missing, expected: 'invalid' },
      { name: 'a signature that is not hex', body: submit.body, header: 'zz'.repeat(32), expected: 'invalid' },
    ];
    assert.ok(submit.body.toString('utf8').includes('é😀'), 'the submit carries non-ASCII text as UTF-8');
  });

  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const snippet of SIGNATURE_SNIPPETS) {
    test(`${snippet.label}: valid for what the simulator signed, invalid for anything else`, async function () {
      this.timeout(120_000); // `go run` compiles first
      const { snippet: snippetFile, driver, text } = DRIVERS[snippet.id];
      const here = fs.mkdtempSync(path.join(dir, `${snippet.id}-`));
      fs.writeFileSync(path.join(here, snippetFile), snippet.text);
      fs.writeFileSync(path.join(here, driver), text);
      const way = WAYS[snippet.id].find((w) => w.available());
      if (!way) {
        const missing = `${WAYS[snippet.id].map((w) => w.needs).join(' or ')} is not installed, so the ${snippet.label} snippet is not tried`;
        if (REQUIRED.has(snippet.id) && process.env.CI) assert.fail(`${missing}; CI installs it (.ci/run)`);
        console.log(`      skipped: ${missing}`);
        this.skip();
      }
      const args = cases.flatMap((c, i) => {
        const file = path.join(here, `body-${i}`);
        fs.writeFileSync(file, c.body);
        return [file, c.header ?? '-'];
      });
      const env = { ...process.env, INTERCOM_CLIENT_SECRET: SECRET };
      const { stdout } = await run(way.command, way.args(here, args), { env, timeout: 100_000 });
      if (!way.runs) {
        assert.equal(stdout.trim(), '', `${way.command} finds it well-formed`);
        return;
      }
      assert.deepEqual(stdout.trim().split('\n').map((line, i) => `${cases[i]?.name}: ${line}`), cases.map((c) => `${c.name}: ${c.expected}`));
    });
  }
});
