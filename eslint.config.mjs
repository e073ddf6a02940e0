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
    // The pure core runs outside VS Code (unit tests, benchmark): it must not import the vscode module.
    files: ['src/api/**', 'src/connect/**', 'src/webhooks/**', 'src/bridge/**', 'src/session/model.ts', 'src/scopes/**', 'src/workspace/**', 'src/explorer/**', 'src/requests/**', 'src/versions/**', 'src/canvasKit/**', 'src/shell/**', 'src/codeIntelligence/**', 'src/ui/plainText.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Pure module: keep vscode out (see README, Architecture).' }] }] },
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
