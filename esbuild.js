// Bundles the extension. Separate outputs on purpose: dist/extension.js is the small entry VS Code loads
// at activation; dist/sdk.js holds the AWS SDK and is required only on the first AWS call;
// dist/taskdef.js holds the task-definition language core, required when the first definition opens.
const esbuild = require('esbuild');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const cliOnly = process.argv.includes('--cli');
const { cliBuildOptions, nodeBundleOptions } = require('./scripts/cli-bundle');

/**
 * Keeps the lazily loaded modules out of the entry bundle: `require('./sdk')` in aws/sdkLoader.ts
 * resolves at run time to dist/sdk.js, `require('./taskdefBundle')` in editor/taskdefLoader.ts to
 * dist/taskdef.js, `require('./actions')` in commands/deploy/actionsLoader.ts to dist/deploy-actions.js (in commands/logs/ to
 * dist/logs-actions.js, in commands/exec/loader.ts to dist/exec-actions.js, in commands/cost/loader.ts to dist/cost-actions.js), `require('./page')` in
 * commands/metrics/pageLoader.ts to dist/metrics-page.js.
 */
const LAZY_BUNDLES = [
  { request: './sdk', importer: path.join('aws', 'sdkLoader.ts'), bundle: './sdk.js' },
  { request: './taskdefBundle', importer: path.join('editor', 'taskdefLoader.ts'), bundle: './taskdef.js' },
  { request: './actions', importer: path.join('commands', 'deploy', 'actionsLoader.ts'), bundle: './deploy-actions.js' },
  { request: './page', importer: path.join('commands', 'metrics', 'pageLoader.ts'), bundle: './metrics-page.js' },
  { request: './actions', importer: path.join('commands', 'logs', 'actionsLoader.ts'), bundle: './logs-actions.js' },
  { request: './explainStoppedTask', importer: path.join('commands', 'diagnose', 'loader.ts'), bundle: './diagnose.js' },
  { request: './actions', importer: path.join('commands', 'history', 'actionsLoader.ts'), bundle: './history-actions.js' },
  { request: './actions', importer: path.join('commands', 'exec', 'loader.ts'), bundle: './exec-actions.js' },
  { request: './actions', importer: path.join('commands', 'cost', 'loader.ts'), bundle: './cost-actions.js' },
  { request: './actions', importer: path.join('commands', 'scaling', 'loader.ts'), bundle: './scaling-actions.js' },
  { request: './actions', importer: path.join('commands', 'express', 'loader.ts'), bundle: './express-actions.js' },
];
const lazySdkPlugin = {
  name: 'lazy-sdk',
  setup(build) {
    build.onResolve({ filter: /^\.\/(sdk|taskdefBundle|actions|page|explainStoppedTask)$/ }, (args) => {
      const lazy = LAZY_BUNDLES.find((l) => l.request === args.path && args.importer.endsWith(l.importer));
      return lazy ? { path: lazy.bundle, external: true } : undefined;
    });
  },
};

/** Prints errors in the `file:line:col: error:` form VS Code's problem matchers read. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log(`[watch] build finished, ${result.errors.length} errors`);
    });
  },
};

async function main() {
  const common = { ...nodeBundleOptions(production), plugins: [lazySdkPlugin, problemMatcherPlugin] };
  if (cliOnly) {
    // `--cli`: the linter's bundle alone (npm pack of the repository root, what pre-commit installs).
    await esbuild.build({ ...cliBuildOptions({ outdir: 'dist', production }), plugins: [problemMatcherPlugin] });
    return;
  }
  const contexts = await Promise.all([
    esbuild.context({
      ...common,
      entryPoints: { extension: 'src/extension.ts' },
      outdir: 'dist',
      // When the bundle starts evaluating: activate() reports how long loading took (log and API).
      banner: { js: 'globalThis.__ecsWorkbenchLoadStart = performance.now();' },
    }),
    esbuild.context({ ...common, entryPoints: { sdk: 'src/aws/sdk.ts' }, outdir: 'dist' }),
    esbuild.context({ ...common, entryPoints: { taskdef: 'src/editor/taskdefBundle.ts' }, outdir: 'dist' }),
    esbuild.context({ ...common, entryPoints: { 'deploy-actions': 'src/commands/deploy/actions.ts' }, outdir: 'dist' }),
    esbuild.context({ ...common, entryPoints: { 'metrics-page': 'src/commands/metrics/page.ts' }, outdir: 'dist' }),
    // The service page's own script (uPlot included) and uPlot's stylesheet: run in the webview only.
    esbuild.context({
      ...common,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      plugins: [problemMatcherPlugin],
      entryPoints: { 'webview/servicePage': 'src/webview/servicePage.ts', 'webview/uPlot': 'node_modules/uplot/dist/uPlot.min.css' },
      outdir: 'dist',
    }),
    esbuild.context({ ...common, entryPoints: { 'logs-actions': 'src/commands/logs/actions.ts' }, outdir: 'dist' }),
    esbuild.context({ ...common, entryPoints: { diagnose: 'src/commands/diagnose/explainStoppedTask.ts' }, outdir: 'dist' }),
    esbuild.context({ ...common, entryPoints: { 'history-actions': 'src/commands/history/actions.ts' }, outdir: 'dist' }),
    // The auto scaling commands (issue 15).
    esbuild.context({ ...common, entryPoints: { 'scaling-actions': 'src/commands/scaling/actions.ts' }, outdir: 'dist' }),
    // ECS Express Mode (Create Express Service…).
    esbuild.context({ ...common, entryPoints: { 'express-actions': 'src/commands/express/actions.ts' }, outdir: 'dist' }),
    // The cost model, the Price List reader and the bundled price snapshot.
    esbuild.context({ ...common, entryPoints: { 'cost-actions': 'src/commands/cost/actions.ts' }, outdir: 'dist' }),
    // ECS Exec (the Session Manager client and ws). ws requires its optional native helpers in a
    // try/catch and works without them: left as external requires, they fail there and ws goes on.
    esbuild.context({ ...common, entryPoints: { 'exec-actions': 'src/commands/exec/actions.ts' }, outdir: 'dist', external: [...common.external, 'bufferutil', 'utf-8-validate'] }),
  ]);
  // The linter's bin (scripts/cli-bundle.js: the same bundle as the CLI-only npm package's).
  contexts.push(await esbuild.context({ ...cliBuildOptions({ outdir: 'dist', production }), plugins: [problemMatcherPlugin] }));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
