import * as assert from 'assert';
import { templateCompletions, templateHover } from '../../../src/taskdef/cloudformation/languageService';

/** The text without its `|`, and the position of the `|`. */
function at(marked: string): [string, { line: number; character: number }] {
  const i = marked.indexOf('|');
  const before = marked.slice(0, i).split('\n');
  return [marked.slice(0, i) + marked.slice(i + 1), { line: before.length - 1, character: before[before.length - 1].length }];
}

const labels = (marked: string) => templateCompletions(...at(marked)).items.map((i) => i.label);
const edit = (marked: string, label: string) => templateCompletions(...at(marked)).items.find((i) => i.label === label)?.textEdit?.newText;

const TASK = `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
`;

describe('CloudFormation templates: completion and hover', () => {
  it('YAML: the container definition\'s CloudFormation names, without those already there', () => {
    const marked = `${TASK}      ContainerDefinitions:\n        - Name: web\n          Ima|\n`;
    const got = labels(marked);
    assert.ok(got.includes('Image') && got.includes('PortMappings') && got.includes('LogConfiguration'), got.join(' '));
    assert.ok(!got.includes('Name'), 'Name is there already');
    assert.ok(!got.includes('image'));
    assert.strictEqual(edit(marked, 'Image'), 'Image: ');
    assert.strictEqual(edit(marked, 'PortMappings'), 'PortMappings:\n            - ');
    const item = templateCompletions(...at(marked)).items.find((i) => i.label === 'Essential')!;
    assert.match(JSON.stringify(item.documentation), /essential/);
  });

  it('YAML: at the top of Properties, in a new list item, and in a service', () => {
    assert.ok(labels(`${TASK}      Fam|\n`).includes('Family'));
    assert.ok(labels(`${TASK}      |`).includes('ContainerDefinitions'));
    const ports = labels(`${TASK}      ContainerDefinitions:\n        - Name: web\n          PortMappings:\n            - |\n`);
    assert.deepStrictEqual(ports.slice(0, 3), ['ContainerPort', 'HostPort', 'Protocol']);
    const svc = labels(`Resources:\n  Svc:\n    Type: AWS::ECS::Service\n    Properties:\n      DeploymentConfiguration:\n        Dep|\n`);
    assert.ok(svc.includes('DeploymentCircuitBreaker') && svc.includes('MaximumPercent'), svc.join(' '));
    assert.ok(labels(`Resources:\n  Svc:\n    Type: AWS::ECS::Service\n    Properties:\n      Pla|\n`).includes('PlacementStrategies'));
    assert.deepStrictEqual(labels(`Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Run|\n`), [], 'not an ECS resource');
  });

  it('JSON: property names in quotes', () => {
    const marked = '{"Resources": {"T": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [{"Name": "a", "Ima|"}]}}}}';
    assert.ok(labels(marked).includes('Image'));
    assert.ok(!labels(marked).includes('Name'));
    assert.strictEqual(edit(marked, 'Image'), '"Image": ');
  });

  it('hover shows the AWS documentation of the property under the cursor', () => {
    const hover = templateHover(...at(`${TASK}      NetworkMode: awsvpc\n      ContainerDefinitions:\n        - Name: web\n          Ess|ential: true\n`));
    assert.ok(hover);
    const text = (hover.contents as { value: string }).value;
    assert.match(text, /^\*\*Essential\*\* · AWS::ECS::TaskDefinition/);
    assert.match(text, /If the `essential` parameter of a container is marked as `true`/);
    assert.deepStrictEqual(hover.range, { start: { line: 7, character: 10 }, end: { line: 7, character: 19 } });
    assert.strictEqual(templateHover(...at(`${TASK}      Family: we|b\n`)), null);
  });
});
