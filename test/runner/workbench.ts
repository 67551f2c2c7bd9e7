import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the network (this machine has none) and working as root. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * A small HTTP endpoint on loopback through which a suite running inside the extension host asks
 * the driver for what only the browser can do: screenshots and the text a person sees.
 */
export async function startDriverEndpoint(page: () => Page | undefined, screenshotDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      try {
        const current = page();
        if (!current) throw new Error('no workbench page yet');
        const input = body ? JSON.parse(body) : {};
        let result: unknown;
        if (req.url === '/screenshot') {
          const name = String(input.name ?? 'screenshot').replace(/[^\w.-]/g, '_');
          const file = path.join(screenshotDir, `${name}.png`);
          fs.mkdirSync(screenshotDir, { recursive: true });
          const target = input.selector ? current.locator(input.selector).first() : current;
          await target.screenshot({ path: file });
          result = { file };
        } else if (req.url === '/text') {
          const locator = current.locator(input.selector).first();
          await locator.waitFor({ state: 'visible', timeout: input.timeoutMs ?? 10_000 });
          result = { text: await locator.innerText() };
        } else if (req.url === '/waitForText') {
          // Polls the DOM until the selector's text contains every expected string, or times out.
          const deadline = Date.now() + (input.timeoutMs ?? 15_000);
          let text = '';
          for (;;) {
            // A hidden quick input keeps its last title in the DOM: only what is shown counts.
            const shown = current.locator(input.selector).first();
            text = (await shown.isVisible().catch(() => false)) ? await shown.innerText().catch(() => '') : '(not shown)';
            if ((input.expected as string[]).every((e) => text.includes(e))) break;
            if (Date.now() > deadline) {
              // What the window showed when the wait gave up, beside the other screenshots.
              const file = path.join(screenshotDir, `timeout-${Date.now()}.png`);
              fs.mkdirSync(screenshotDir, { recursive: true });
              await current.screenshot({ path: file }).catch(() => undefined);
              throw new Error(`timed out waiting for ${JSON.stringify(input.expected)} in ${input.selector} (screenshot ${file}); saw:\n${text}`);
            }
            await current.waitForTimeout(100);
          }
          result = { text };
        } else if (req.url === '/webviewText') {
          // A webview's content lives in nested iframes: polls every frame until one's selector shows every expected string.
          const deadline = Date.now() + (input.timeoutMs ?? 15_000);
          let seen: string[] = [];
          for (;;) {
            seen = await Promise.all(current.frames().map((f) => f.locator(input.selector).first().innerText({ timeout: 500 }).catch(() => '')));
            const text = seen.find((t) => (input.expected as string[]).every((e) => t.includes(e)));
            if (text !== undefined && text !== '') {
              result = { text };
              break;
            }
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(input.expected)} in a webview's ${input.selector}; saw:\n${seen.filter(Boolean).join('\n---\n')}`);
            await current.waitForTimeout(100);
          }
        } else if (req.url === '/keyboard') {
          // Types into whatever has focus (a quick pick, an input box), then presses a key. While a
          // quick input is shown, a person waits for its caret: keys sent as it is replaced by the
          // next step's would land in the editor behind it.
          // If something else keeps the focus (an open notifications centre), they click into the box.
          if (await current.locator('.quick-input-widget').first().isVisible().catch(() => false)) {
            const focused = await current
              .waitForFunction("Boolean(document.activeElement && document.activeElement.closest('.quick-input-widget'))", undefined, { timeout: 2_000 })
              .then(() => true, () => false);
            if (!focused) await current.locator('.quick-input-widget .quick-input-box input:visible').first().click({ timeout: 2_000 }).catch(() => undefined);
          }
          if (input.type) await current.keyboard.type(String(input.type), { delay: 5 });
          if (input.press) await current.keyboard.press(String(input.press));
          result = {};
        } else if (req.url === '/value') {
          // What an input box holds now (typed text is not in the DOM's text).
          result = { value: await current.locator(input.selector).first().inputValue({ timeout: input.timeoutMs ?? 10_000 }) };
        } else if (req.url === '/count') {
          // How many elements match, now (e.g. a dirty tab's marker): for what must be absent.
          result = { count: await current.locator(input.selector).count() };
        } else if (req.url === '/hover') {
          // Inline actions of a tree row show only while the pointer is over it, as for a person.
          await current.locator(input.selector).first().hover({ timeout: input.timeoutMs ?? 10_000 });
          result = {};
        } else if (req.url === '/click') {
          await current.locator(input.selector).first().click({ timeout: input.timeoutMs ?? 10_000 });
          result = {};
        } else {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
