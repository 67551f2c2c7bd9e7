import * as fs from 'fs';
import * as path from 'path';
import * as http from 'http';

/** Asks the test driver (outside the extension host) for what only the browser sees. */
async function call<T>(route: string, body: object): Promise<T> {
  const base = process.env.ECS_TEST_DRIVER_URL;
  if (!base) throw new Error('ECS_TEST_DRIVER_URL is not set: run through `npm run test:integration`.');
  const payload = JSON.stringify(body);
  return new Promise<T>((resolve, reject) => {
    const req = http.request(`${base}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        const parsed = text ? JSON.parse(text) : {};
        if (res.statusCode !== 200) reject(new Error(`driver ${route}: ${parsed.error ?? res.statusCode}`));
        else resolve(parsed as T);
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** True when a browser driver is attached (code-server route); test-electron runs have none. */
export const hasDriver = (): boolean => Boolean(process.env.ECS_TEST_DRIVER_URL);

export const SIDEBAR = '#workbench\\.parts\\.sidebar';

/** The side bar's tree row labelled `label` (its aria-label starts with it), optionally in a state such as `[aria-expanded="false"]`. */
export function sideBarRow(label: string, state = ''): string {
  return `${SIDEBAR} .monaco-list-row${state}[aria-label^="${label} "], ${SIDEBAR} .monaco-list-row${state}[aria-label="${label}"]`;
}

/** Clicks rows open in order, as a person expands a path in the tree: a row already open is not clicked shut. */
export async function openSideBarRows(...labels: string[]): Promise<void> {
  for (const label of labels) {
    await waitForText(SIDEBAR, [label]);
    // A refresh can redraw the row while it is clicked, or take it out of the DOM for a moment: poll
    // (with a deadline) until it shows open, clicking it whenever it shows closed.
    const deadline = Date.now() + 15_000;
    while (!(await count(sideBarRow(label, '[aria-expanded="true"]')))) {
      if (Date.now() > deadline) throw new Error(`the side bar row "${label}" did not open`);
      if (await count(sideBarRow(label, '[aria-expanded="false"]'))) await click(sideBarRow(label, '[aria-expanded="false"]')).catch(() => undefined);
      else await waitForText(SIDEBAR, [label]);
    }
  }
}

export function screenshot(name: string, selector?: string): Promise<{ file: string }> {
  return call('/screenshot', { name, selector });
}

/** The text of the first element matching `selector` now (waiting until one is visible). */
export async function textOf(selector: string, timeoutMs = 10_000): Promise<string> {
  return (await call<{ text: string }>('/text', { selector, timeoutMs })).text;
}

export function waitForText(selector: string, expected: string[], timeoutMs = 15_000): Promise<{ text: string }> {
  return call('/waitForText', { selector, expected, timeoutMs });
}

/** Waits until an element of a webview's content (inside its frames) shows every expected string. */
export function webviewText(selector: string, expected: string[], timeoutMs = 15_000): Promise<{ text: string }> {
  return call('/webviewText', { selector, expected, timeoutMs });
}

export function click(selector: string, timeoutMs?: number): Promise<void> {
  return call('/click', { selector, timeoutMs });
}

/** Moves the pointer over an element (a tree row shows its inline actions then). */
export function hover(selector: string): Promise<void> {
  return call('/hover', { selector });
}

/** How many elements match `selector` now (to assert that something is absent). */
export async function count(selector: string): Promise<number> {
  return (await call<{ count: number }>('/count', { selector })).count;
}

/** The value of the first input matching `selector` now. */
export async function valueOf(selector: string): Promise<string> {
  return (await call<{ value: string }>('/value', { selector })).value;
}

export const QUICK_INPUT = '.quick-input-widget';

/** Waits for the quick pick to show `expected`, types `filter` and presses Enter, as a person would. */
export async function choose(expected: string, filter = ''): Promise<void> {
  await waitForText(QUICK_INPUT, [expected]);
  await call('/keyboard', { type: filter, press: 'Enter' });
}

/** Types into whatever has focus and optionally presses a key, as a person would. */
export function keyboard(type: string, press?: string): Promise<void> {
  return call('/keyboard', { type, press });
}

/** A figure line for the closing note: written to test-output/<suite>/figures.txt, printed by the runner at the end. */
export function figure(line: string): void {
  const dir = process.env.ECS_TEST_OUTPUT_DIR;
  if (dir) fs.appendFileSync(path.join(dir, 'figures.txt'), `${line}\n`);
}
