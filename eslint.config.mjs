// Lint rules, and the layering of docs/ARCHITECTURE.md (docs/layers.json) as an import rule so it cannot drift.
import fs from 'node:fs';
import path from 'node:path';
import tseslint from 'typescript-eslint';

const sdkOnlyThroughLoader = {
  group: ['@aws-sdk/*', '@smithy/node-http-handler'],
  message: 'Reach AWS through the ClientManager (src/aws/clientManager.ts); only src/aws/sdk.ts imports the SDK.',
};

const layers = JSON.parse(fs.readFileSync(new URL('./docs/layers.json', import.meta.url), 'utf8'));
const SRC = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'src');

/** The layer of a file or module under src/: its top folder, or a top-level file's name without extension. */
function layerOf(file) {
  const relative = path.relative(SRC, file);
  if (relative.startsWith('..')) return undefined;
  return relative.split(path.sep)[0].replace(/\.ts$/, '');
}

/** `import … from` another layer (or vscode) that docs/layers.json does not allow for this file's layer. */
const layeringRule = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (!from || !layers[from]) return {};
    const own = layers.$files[path.relative(SRC, file)] ?? [];
    const allowed = [...layers[from], ...own];
    const check = (node, source, typeOnly) => {
      let to;
      if (source === 'vscode') to = 'vscode';
      else if (source.startsWith('.')) to = layerOf(path.resolve(path.dirname(file), source));
      if (!to || to === from) return;
      if (allowed.includes(to) || (typeOnly && allowed.includes(`${to} (type)`))) return;
      context.report({ node, message: `src/${from} may not import ${to === 'vscode' ? 'vscode' : `src/${to}`}${typeOnly ? '' : ' (beyond `import type`)'}: see docs/ARCHITECTURE.md (docs/layers.json).` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === 'type' || node.specifiers.every((s) => s.importKind === 'type')),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
    };
  },
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
    plugins: { layers: { rules: { imports: layeringRule } } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [sdkOnlyThroughLoader] }],
      'layers/imports': 'error',
    },
  },
  {
    files: ['test/emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The emulator is plain Node.' }], patterns: [{ group: ['**/src/**'], message: 'The emulator is its own world: it imports nothing from src/.' }] }],
    },
  },
);
