// For machines that can download VS Code: `npm run test:exthost:electron` runs the same extension-host
// suites through @vscode/test-cli (@vscode/test-electron). Offline, `npm test` uses code-server instead.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  files: 'out/test/exthost/**/*.test.js',
  workspaceFolder: './test/fixtures/workspace',
  mocha: { ui: 'tdd', timeout: 60_000 },
});
