import * as assert from 'assert';
import { TextDocument } from 'vscode-json-languageservice';
import { TaskdefLanguageService, type CompletionItem } from '../../../src/taskdef/languageService';
import type { LiveValueRequest } from '../../../src/taskdef/liveValues';
import { expandSnippet } from '../../../src/taskdef/snippets';
import type { DocumentKind, Position } from '../../../src/taskdef/types';
import { validate } from '../../../src/taskdef/validate';

const SNIPPET = 15; // LSP CompletionItemKind.Snippet
const PROPERTY = 10;

/** The text and position of `|` in `marked`. */
function at(marked: string): [string, Position] {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const doc = TextDocument.create('file:///x.json', 'json', 1, text);
  return [text, doc.positionAt(offset)];
}

/** The text after accepting `item` with every snippet placeholder at its default, as the editor would leave it. */
function accept(text: string, item: CompletionItem): string {
  const doc = TextDocument.create('file:///x.json', 'json', 1, text);
  const edit = item.textEdit as { range: { start: Position; end: Position }; newText: string };
  const newText = item.insertTextFormat === 2 ? expandSnippet([edit.newText]).replace(/\$0/g, '') : edit.newText;
  return TextDocument.applyEdits(doc, [{ range: edit.range, newText }]);
}

/** VS Code's order when nothing is typed yet: sortText (else the label), compared as strings. */
const key = (i: CompletionItem) => (i.sortText ?? i.label).toLowerCase();
const inOrder = (items: CompletionItem[]) => [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((i) => i.label);

describe('taskdef completion: snippets where they fit, required members first', () => {
  const ls = new TaskdefLanguageService();
  const complete = (marked: string, kind: DocumentKind = 'task') => {
    const [text, position] = at(marked);
    return ls.complete(text, kind, position);
  };
  const snippets = async (marked: string, kind: DocumentKind = 'task') => (await complete(marked, kind)).items.filter((i) => i.kind === SNIPPET);

  it('an empty file and an empty object offer the whole-file snippets first, and no container-level ones', async () => {
    for (const marked of ['|', '\n|\n', '{|}', '{ | }', '{\n  |\n}', '{\n|}']) {
      const items = (await complete(marked)).items;
      const offered = items.filter((i) => i.kind === SNIPPET).map((i) => i.label);
      assert.deepStrictEqual(offered.sort(), ['ecs-ec2-bridge', 'ecs-fargate-web'], JSON.stringify(marked));
      assert.deepStrictEqual(inOrder(items).slice(0, 2), ['ecs-fargate-web', 'ecs-ec2-bridge'], `whole-file snippets first in ${JSON.stringify(marked)}`);
    }
  });

  it('accepting the Fargate web snippet there leaves a task definition without errors', async () => {
    for (const marked of ['|', '{|}', '{\n  |\n}', '{\n  |}']) {
      const [text] = at(marked);
      const item = (await snippets(marked)).find((i) => i.label === 'ecs-fargate-web')!;
      const out = accept(text, item);
      const errors = validate(out, { kind: 'task' }).diagnostics.filter((d) => d.severity === 'error');
      assert.deepStrictEqual(errors.map((d) => d.message), [], out);
      assert.strictEqual((JSON.parse(out) as { family: string }).family, 'web');
    }
  });

  it('a started file offers no whole-file snippet; a container member or a container item gets its own', async () => {
    assert.deepStrictEqual(await snippets('{\n  "family": "web",\n  |\n}'), []);
    const member = (await snippets('{"containerDefinitions": [{"name": "app", |}]}')).map((i) => i.label);
    assert.deepStrictEqual(member.sort(), ['ecs-awslogs', 'ecs-healthcheck', 'ecs-linux-parameters', 'ecs-log-firelens', 'ecs-secrets', 'ecs-ulimits']);
    const item = (await snippets('{"containerDefinitions": [{"name": "app"}, |]}')).map((i) => i.label);
    assert.deepStrictEqual(item.sort(), ['ecs-firelens', 'ecs-xray']);
    assert.deepStrictEqual((await snippets('{"volumes": [|]}')).map((i) => i.label), ['ecs-efs-volume']);
    assert.deepStrictEqual(await snippets('{"containerDefinitions": [{"name": "a|"}]}'), [], 'not inside a value');
  });

  it('a member snippet typed as a word or a quoted key replaces it, with the comma the next member needs', async () => {
    const [text, position] = at('{"containerDefinitions": [{"name": "app", ecs-heal| "image": "nginx"}]}');
    const health = (await ls.complete(text, 'task', position)).items.find((i) => i.label === 'ecs-healthcheck')!;
    const out = JSON.parse(accept(text, health)) as { containerDefinitions: { healthCheck: { command: string[] }; image: string }[] };
    assert.deepStrictEqual([out.containerDefinitions[0].healthCheck.command[0], out.containerDefinitions[0].image], ['CMD-SHELL', 'nginx']);
    const [quotedText, quotedAt] = at('{"containerDefinitions": [{"name": "app", "ecs-aws|"}]}');
    const awslogs = (await ls.complete(quotedText, 'task', quotedAt)).items.find((i) => i.label === 'ecs-awslogs')!;
    assert.strictEqual(awslogs.filterText, '"ecs-awslogs');
    assert.strictEqual((JSON.parse(accept(quotedText, awslogs)) as { containerDefinitions: { logConfiguration: { logDriver: string } }[] }).containerDefinitions[0].logConfiguration.logDriver, 'awslogs');
  });

  it('a service definition: the whole-file service snippet in an empty object, load balancers as items', async () => {
    assert.ok((await snippets('{|}', 'service')).some((i) => i.label === 'ecs-fargate-alb-service'));
    assert.ok(!(await snippets('{|}', 'service')).some((i) => i.label === 'ecs-fargate-web'));
    assert.deepStrictEqual((await snippets('{"loadBalancers": [|]}', 'service')).map((i) => i.label), ['ecs-load-balancer']);
  });

  it('inside a container, name and image come first; at the top, family and containerDefinitions', async () => {
    const container = (await complete('{"containerDefinitions": [{|}]}')).items.filter((i) => i.kind === PROPERTY);
    assert.deepStrictEqual(inOrder(container).slice(0, 3), ['name', 'image', 'command']);
    const top = (await complete('{\n  "cpu": "256",\n  |\n}')).items.filter((i) => i.kind === PROPERTY);
    assert.deepStrictEqual(inOrder(top).slice(0, 2), ['family', 'containerDefinitions']);
    const logs = (await complete('{"containerDefinitions": [{"logConfiguration": {|}}]}')).items.filter((i) => i.kind === PROPERTY);
    assert.strictEqual(inOrder(logs)[0], 'logDriver', 'the schema\'s required member of any object');
  });
});

describe('taskdef completion: image URIs, then their tags', () => {
  const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/web';
  const LOCAL = '127.0.0.1:5000/demo/web';

  function service(repositories: string[], delayMs = 0) {
    const asked: Omit<LiveValueRequest, 'prefix'>[] = [];
    const ls = new TaskdefLanguageService({
      liveValueCache: { timeoutMs: 100 },
      liveValues: {
        provide: async (req) => {
          asked.push({ kind: req.kind, repositoryUri: req.repositoryUri });
          if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
          if (req.kind === 'ecrRepository') return repositories.map((value) => ({ value, detail: 'ECR repository' }));
          if (req.kind === 'ecrImageTag') return ['1.2.0', '1.1.0'].map((tag) => ({ value: `${req.repositoryUri}:${tag}`, label: tag }));
          return [];
        },
      },
    });
    return { ls, asked };
  }

  const image = (value: string) => at(`{"family": "web", "containerDefinitions": [{"name": "app", "image": "${value}|"}]}`);

  it('accepting a repository URI leaves the cursor before the closing quote, so ":" goes on to the tags', async () => {
    const { ls } = service([ECR]);
    const [text, position] = image('');
    const repo = (await ls.complete(text, 'task', position)).items.find((i) => i.label === ECR)!;
    assert.strictEqual(repo.insertTextFormat, 2, 'a snippet');
    const edit = repo.textEdit as { newText: string };
    assert.ok(edit.newText.endsWith('$0"'), edit.newText);
    const accepted = accept(text, repo);
    const cursor = accepted.indexOf(`${ECR}"`) + ECR.length;
    const typed = `${accepted.slice(0, cursor)}:|${accepted.slice(cursor)}`;
    const [typedText, typedAt] = at(typed);
    const tags = (await ls.complete(typedText, 'task', typedAt)).items;
    assert.deepStrictEqual(tags.map((t) => t.label), ['1.2.0', '1.1.0']);
    assert.strictEqual((tags[0].textEdit as { newText: string }).newText, `"${ECR}:1.2.0"`);
  });

  it('offers the tags for every host form: ECR (standard, FIPS, China) and the form the account lists (a local registry)', async () => {
    const { ls, asked } = service([LOCAL]);
    for (const repository of [ECR, '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/demo/web', '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/demo/web', LOCAL]) {
      const [text, position] = image(`${repository}:`);
      const items = (await ls.complete(text, 'task', position)).items;
      assert.deepStrictEqual(items.map((t) => t.label), ['1.2.0', '1.1.0'], repository);
      assert.strictEqual((items[0].textEdit as { newText: string }).newText, `"${repository}:1.2.0"`);
    }
    assert.ok(asked.some((a) => a.kind === 'ecrImageTag' && a.repositoryUri === LOCAL), JSON.stringify(asked));
    const [other, otherAt] = image('127.0.0.1:5000/not-listed:');
    assert.deepStrictEqual((await ls.complete(other, 'task', otherAt)).items, [], 'no tags asked for a repository the account does not list');
    assert.ok(!asked.some((a) => a.repositoryUri === '127.0.0.1:5000/not-listed'));
  });

  it('a slow account: the list says it is incomplete (asked again as the user types); looking at a repository reads its tags ahead', async () => {
    const { ls, asked } = service([ECR], 300);
    const [text, position] = image('');
    const first = await ls.complete(text, 'task', position);
    assert.strictEqual(first.isIncomplete, true);
    await new Promise((r) => setTimeout(r, 350));
    const second = await ls.complete(text, 'task', position);
    assert.strictEqual(second.isIncomplete, false);
    const repo = second.items.find((i) => i.label === ECR)!;
    ls.prefetch(repo.data as { prefetch?: Omit<LiveValueRequest, 'prefix'> });
    assert.ok(asked.some((a) => a.kind === 'ecrImageTag' && a.repositoryUri === ECR), 'tags asked for while the URI is focused');
    await new Promise((r) => setTimeout(r, 350));
    const [tagged, taggedAt] = image(`${ECR}:`);
    const tags = await ls.complete(tagged, 'task', taggedAt);
    assert.deepStrictEqual([tags.isIncomplete, tags.items.map((t) => t.label)], [false, ['1.2.0', '1.1.0']], 'answered from the cache at once');
  });
});
