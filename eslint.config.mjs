// Lint rules, and the layering of docs/ARCHITECTURE.md as import rules so it cannot drift.
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'Core layers are plain TypeScript: keep `vscode` in the editor layer (explorer, editor, commands, ui, config).' };
const sdkOnlyThroughLoader = {
  group: ['@aws-sdk/*', '@smithy/node-http-handler'],
  message: 'Reach AWS through the ClientManager (src/aws/clientManager.ts); only src/aws/sdk.ts imports the SDK.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', '**/generated/**', 'esbuild.js', 'eslint.config.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/aws/sdk.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sdkOnlyThroughLoader] }] },
  },
  {
    files: ['src/aws/**/*.ts', 'src/ecs/**/*.ts', 'src/ecr/**/*.ts', 'src/taskdef/**/*.ts', 'src/deploy/**/*.ts'],
    ignores: ['src/aws/sdk.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [sdkOnlyThroughLoader] }] },
  },
  {
    files: ['test/emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: [{ group: ['**/src/**'], message: 'The emulator is its own world: it imports nothing from src/.' }] }],
    },
  },
);
