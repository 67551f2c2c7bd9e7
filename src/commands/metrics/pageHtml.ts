/** The service page's HTML: CSP locked down (no remote content; script by nonce; styles from the extension). */
import { randomBytes } from 'crypto';
import { RANGES, RANGE_NAMES } from '../../metrics/ranges';

export interface PageResources {
  cspSource: string;
  script: string;
  uplotCss: string;
  title: string;
}

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function servicePageHtml(r: PageResources): string {
  const nonce = randomBytes(16).toString('base64');
  const buttons = RANGE_NAMES.map((name) => `<button type="button" data-range="${name}" aria-pressed="false">${RANGES[name].label}</button>`).join('');
  const chart = (id: string, title: string) => `<section><h2 id="${id}-title">${title}</h2><div id="${id}" class="chart" role="img" aria-labelledby="${id}-title" data-title="${title}"></div></section>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${r.cspSource} data:; style-src ${r.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; font-src ${r.cspSource};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${r.uplotCss}">
<style nonce="${nonce}">
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 16px; }
  h1 { font-size: 1.3em; font-weight: 600; } h2 { font-size: 1em; font-weight: 600; margin: 16px 0 4px; }
  .ranges { display: flex; gap: 4px; } #status { color: var(--vscode-descriptionForeground); margin: 8px 0; }
  #cost { margin: 8px 0; } #cost .note { display: block; color: var(--vscode-descriptionForeground); }
  button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); padding: 4px 12px; cursor: pointer; }
  button[aria-pressed="true"] { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
  button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
  .u-legend { color: var(--vscode-foreground); } .chart { min-height: 180px; }
  table { border-collapse: collapse; margin-top: 8px; } caption { text-align: left; color: var(--vscode-descriptionForeground); }
  th, td { border: 1px solid var(--vscode-editorWidget-border, #4446); padding: 2px 8px; text-align: right; }
</style>
<title>${escape(r.title)}</title>
</head>
<body>
<h1>${escape(r.title)}</h1>
<div class="ranges" role="group" aria-label="Time range">${buttons}</div>
<p id="status" role="status">Reading CloudWatch…</p>
<p id="cost" role="status">Cost: reading the prices…</p>
${chart('cpu', 'CPU utilization')}
${chart('memory', 'Memory utilization')}
${chart('tasks', 'Tasks running and desired')}
<details><summary>Data table</summary><div id="table"></div></details>
<script nonce="${nonce}" src="${r.script}"></script>
</body>
</html>`;
}
