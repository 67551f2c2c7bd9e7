import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_MODEL, GENERATED_DIR, generate, htmlToMarkdown, parseFargateTable, type SmithyModel } from '../../../scripts/generate-taskdef-schema';
import { schemaFor } from '../../../src/taskdef/schema';
import { REPO } from './helpers';

describe('taskdef schema generator', () => {
  it('converts the model documentation to Markdown', () => {
    const md = htmlToMarkdown('<p>Use <code>awsvpc</code> with <a href="https://x.example/a">Fargate</a>.</p> <note> <p>Only <i>Linux</i>.</p> </note><ul><li><p>one</p></li><li>two &amp; three</li></ul>');
    assert.strictEqual(md, 'Use `awsvpc` with [Fargate](https://x.example/a).\n\n> **Note:** Only *Linux*.\n\n- one\n- two & three');
  });

  it('reads the Fargate table, including the 8 and 16 vCPU steps', () => {
    const html =
      '<ul> <li> <p>512 (0.5 GB), 1024 (1 GB), 2048 (2 GB) - Available <code>cpu</code> values: 256 (.25 vCPU)</p> </li> <li> <p>Between 4096 (4 GB) and 16384 (16 GB) in increments of 1024 (1 GB) - Available <code>cpu</code> values: 2048 (2 vCPU)</p> </li><li><p>Between 16 GB and 60 GB in 4 GB increments - Available <code>cpu</code> values: 8192 (8 vCPU)</p></li><li><p>Between 32GB and 120 GB in 8 GB increments - Available <code>cpu</code> values: 16384 (16 vCPU)</p></li><li><p>x - Available <code>cpu</code> values: 512</p></li></ul>';
    assert.throws(() => parseFargateTable(html), /cannot read/);
    const ok = parseFargateTable(html.replace(/<li><p>x - .*?<\/li>/, '<li><p>1024 (1 GB) - Available <code>cpu</code> values: 512</p></li><li><p>2048 (2 GB) - Available <code>cpu</code> values: 1024</p></li>'));
    assert.deepStrictEqual(ok['256'], [512, 1024, 2048]);
    assert.strictEqual(ok['2048'].length, 13);
    assert.deepStrictEqual([ok['8192'][0], ok['8192'][ok['8192'].length - 1]], [16384, 61440]);
    assert.deepStrictEqual([ok['16384'][0], ok['16384'][1]], [32768, 40960]);
  });

  it('the committed schema has every member, enums, required and docs', () => {
    const task = schemaFor('task');
    assert.deepStrictEqual(task.required, ['family', 'containerDefinitions']);
    const cd = task.definitions!.ContainerDefinition;
    for (const m of ['restartPolicy', 'versionConsistency', 'credentialSpecs', 'dependsOn']) assert.ok(cd.properties![m], m);
    assert.ok(task.properties!.enableFaultInjection);
    assert.deepStrictEqual(task.properties!.networkMode.enum, ['bridge', 'host', 'awsvpc', 'none']);
    assert.match(task.properties!.family.markdownDescription!, /255 letters/);
    assert.ok(task.properties!.revision['x-ecs-readOnly']);
    const svc = schemaFor('service');
    assert.ok(svc.properties!.forceNewDeployment && svc.properties!.serviceName);
  });

  const modelPath = path.join(REPO, DEFAULT_MODEL);
  (fs.existsSync(modelPath) ? it : it.skip)('is up to date with the ECS model in ../shared (npm run generate:taskdef-schema)', function () {
    this.timeout(30000);
    const files = generate(JSON.parse(fs.readFileSync(modelPath, 'utf8')) as SmithyModel);
    for (const [name, content] of Object.entries(files)) {
      const committed = fs.readFileSync(path.join(REPO, GENERATED_DIR, name), 'utf8');
      assert.ok(committed === content, `${name} is out of date: run npm run generate:taskdef-schema`);
    }
  });
});
