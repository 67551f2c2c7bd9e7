// What the editor takes from the task-definition core (and the live-value provider, which only the
// core's completion uses), in one module. esbuild bundles it on its own
// (dist/taskdef.js, with vscode-json-languageservice) and taskdefLoader.ts requires it the first time
// a task or service definition needs it, so activation never pays for it.
export * from '../taskdef';
export { AwsLiveValues } from './liveValues';
