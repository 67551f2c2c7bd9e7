import * as assert from 'assert';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { CFN_TAGS, SHORT_TAG_FUNCTIONS } from '../../../src/taskdef/cloudformation/intrinsics';
import { validate } from '../../../src/taskdef/validate';
import { BASE } from '../../fixtures/cloudformation/peerCases';

/** The base template of the cfn-lint comparison with a dependency, a second container, a mount point and a volume: valid. */
const VALID = BASE.replace(
  '          Secrets:\n',
  '          DependsOn:\n            - ContainerName: init\n              Condition: SUCCESS\n          MountPoints:\n            - SourceVolume: data\n              ContainerPath: /data\n          Secrets:\n',
).replace(
  '  Service:\n',
  '        - Name: init\n          Image: busybox\n          Essential: false\n      Volumes:\n        - Name: data\n  Service:\n',
);

/** Every node of the two resources' Properties (values, list items and whole objects), by source range. */
function positions(text: string): [number, number][] {
  const doc = parseDocument(text, { customTags: CFN_TAGS });
  const out: [number, number][] = [];
  const walk = (n: unknown) => {
    if (isMap(n)) for (const p of n.items) if (isPair(p)) walk(p.value);
    if (isSeq(n)) for (const i of n.items) walk(i);
    const range = (n as YamlNode | null)?.range;
    if (range && (isScalar(n) || isMap(n) || isSeq(n)) && !(n as YamlNode).tag) out.push([range[0], range[1]]);
  };
  for (const id of ['TaskDef', 'Service']) walk(doc.getIn(['Resources', id, 'Properties'], true));
  return out;
}

const errors = (text: string) => validate(text).diagnostics.map((d) => `${d.code}@${d.pointer}`);

describe('CloudFormation templates: intrinsic functions are unknown values', () => {
  it('the base template is valid', () => {
    assert.deepStrictEqual(errors(VALID), []);
  });

  it('any value, list item or object replaced by an intrinsic (short or long form) gives no finding', () => {
    // Not !Ref AWS::NoValue alone: that removes the property (the last test).
    const replacements = ['!Ref Param', '!GetAtt Res.Arn', "!If [IsProd, a, !Ref 'AWS::NoValue']", '{ "Fn::ImportValue": shared }', '!Sub "${AWS::Region}"', '!Select [0, !Split [",", !Ref Csv]]', '{ "Ref": Param }'];
    const at = positions(VALID);
    assert.ok(at.length > 45, `${at.length} positions`);
    const bad: string[] = [];
    at.forEach(([start, end], i) => {
      const call = replacements[i % replacements.length];
      // A block collection's range ends after its last line break: keep the break.
      const text = VALID.slice(0, start) + call + (VALID.slice(start, end).endsWith('\n') ? '\n' : '') + VALID.slice(end);
      const found = errors(text).filter((e) => !e.startsWith('template-syntax'));
      if (found.length) bad.push(`${VALID.slice(start, end).split('\n')[0]} → ${call}: ${found.join(', ')}`);
    });
    assert.deepStrictEqual(bad, []);
  });

  it('every short tag parses without a syntax error, as scalar, sequence and mapping', () => {
    for (const fn of SHORT_TAG_FUNCTIONS) {
      const text = `Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: !${fn} x\n      Cpu: !${fn} [a, b]\n      Memory: !${fn} { a: b }\n`;
      assert.deepStrictEqual(validate(text).diagnostics, [], fn);
    }
  });

  it('!Ref AWS::NoValue removes the property: a required one is then missing', () => {
    const text = VALID.replace('ContainerName: web\n', 'ContainerName: !Ref AWS::NoValue\n');
    assert.ok(errors(text).includes('load-balancer-container@/Resources/Service/Properties/LoadBalancers/0'), errors(text).join(', '));
  });
});
