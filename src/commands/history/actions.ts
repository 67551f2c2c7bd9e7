// The entry of dist/history-actions.js: what the deployment-history commands load on first use.
export { listServiceDeployments } from './listServiceDeployments';
export { compareServiceRevisions } from './compareServiceRevisions';
export { readCodeDeployHistory } from './codeDeployHistory';
