import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', '.vscode-test/', 'node_modules/', 'test-results/', 'test/fixtures/', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', 'scripts/**/*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' } },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    // Only the VS Code adapters (src/features/), the services they share (src/host/) and the composition root
    // touch the API: everything else is pure and runs outside VS Code (unit tests, benchmark).
    files: ['src/**/*.ts'],
    ignores: ['src/features/**', 'src/host/**', 'src/extension.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Pure module: keep vscode out; VS Code adapters live in src/features/ and src/host/ (see README, Architecture).' }] }] },
  },
  {
    // A promise nobody awaits loses its failure; one passed where a callback's result is ignored does too.
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/no-misused-promises': 'error' },
  },
  {
    // What activation loads requires the API (`import vscode = require('vscode')`): see esbuild.mjs.
    files: ['src/extension.ts', 'src/features/registrations.ts', 'src/features/lazyTree.ts', 'src/features/lazyAuthProvider.ts', 'src/features/codeIntelligence/firstLook.ts', 'src/features/codeIntelligence/folderScan.ts'],
    rules: { '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }] },
  },
  {
    files: ['test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
