import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { htmlToMarkdown } from '../../../scripts/generate-taskdef-schema';
import { TaskdefLanguageService } from '../../../src/taskdef/languageService';

const TASK = '{\n  "family": "web",\n  "cpu": "256",\n  "memory": "512",\n  "containerDefinitions": [{ "name": "app", "image": "nginx", "credentialSpecs": [] }]\n}';

/** The hover's Markdown on the key `name` (its first occurrence). */
async function hoverMarkdown(name: string): Promise<string> {
  const before = TASK.slice(0, TASK.indexOf(`"${name}"`) + 2).split('\n');
  const hover = await new TaskdefLanguageService().hover(TASK, 'task', { line: before.length - 1, character: before[before.length - 1].length });
  const contents = hover?.contents;
  const parts = Array.isArray(contents) ? contents : [contents];
  return parts.map((p) => (typeof p === 'string' ? p : (p as { value: string }).value)).join('\n\n');
}

describe('taskdef hovers: AWS tables as Markdown tables', () => {
  const md = new MarkdownIt();

  for (const property of ['memory', 'cpu']) {
    it(`${property}: the Fargate cpu/memory combinations are a pipe table with a header row`, async () => {
      const text = await hoverMarkdown(property);
      assert.match(text, /^\| `cpu` \| `memory` \| Note \|\n\| --- \| --- \| --- \|$/m);
      assert.match(text, /^\| 256 \(\.25 vCPU\) \| 512 \(0\.5 GB\), 1024 \(1 GB\), 2048 \(2 GB\) \| {2}\|$/m);
      assert.match(text, /^\| 16384 \(16 vCPU\) \| Between 32GB and 120 GB in 8 GB increments \| This option requires Linux platform `1\.4\.0` or later\. \|$/m);
      const html = md.render(text);
      assert.match(html, /<table>\s*<thead>\s*<tr>\s*<th><code>cpu<\/code><\/th>\s*<th><code>memory<\/code><\/th>/);
      assert.strictEqual((html.match(/<tr>/g) ?? []).length, 8, 'a header row and the seven cpu values');
      assert.doesNotMatch(text, /- 512 \(0\.5 GB\)/, 'no longer a list');
    });
  }

  it('a definition list keeps its terms apart from their text (credentialSpecs)', async () => {
    const text = await hoverMarkdown('credentialSpecs');
    assert.match(text, /\*\*credentialspecdomainless:MyARN\*\*\n\nYou use/);
  });

  it('the generator makes the table from the model\'s list, and leaves other lists as lists', () => {
    const li = (cpu: string, memory: string) => `<li> <p>${memory} - Available <code>cpu</code> values: ${cpu}</p> </li>`;
    const table = htmlToMarkdown(`<p>Use one of:</p> <ul> ${li('256 (.25 vCPU)', '512 (0.5 GB)')} ${li('512 (.5 vCPU)', '1024 (1 GB)')} ${li('1024 (1 vCPU)', '2048 (2 GB)')} </ul>`);
    assert.strictEqual(table, 'Use one of:\n\n| `cpu` | `memory` |\n| --- | --- |\n| 256 (.25 vCPU) | 512 (0.5 GB) |\n| 512 (.5 vCPU) | 1024 (1 GB) |\n| 1024 (1 vCPU) | 2048 (2 GB) |');
    assert.strictEqual(htmlToMarkdown('<ul><li>a - b</li><li>c</li><li>d</li></ul>'), '- a - b\n- c\n- d');
  });
});
