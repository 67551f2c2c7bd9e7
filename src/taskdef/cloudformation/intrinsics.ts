/**
 * CloudFormation's intrinsic functions: the YAML short tags (`!Ref`, `!Sub`, `!GetAtt`…) registered
 * with the `yaml` library as custom tags, and the long forms (`{"Ref": …}`, `{"Fn::If": […]}`).
 * A property written with one is an unknown value, never an error: the definition rules read it as
 * a placeholder (src/taskdef/placeholders.ts).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 */
import type { Tags } from 'yaml';

/** Every function with a short form (the condition and rule functions included). */
export const SHORT_TAG_FUNCTIONS = [
  'Ref', 'Sub', 'GetAtt', 'If', 'Join', 'Select', 'Split', 'FindInMap', 'GetAZs', 'ImportValue', 'Base64', 'Cidr',
  'Equals', 'And', 'Or', 'Not', 'Condition', 'Transform', 'Length', 'ToJsonString',
  'Contains', 'EachMemberEquals', 'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll',
] as const;

/**
 * The short tags as `yaml` custom tags: each takes a scalar (`!Ref Name`), a sequence (`!If [C, a, b]`)
 * or a mapping (`!Base64 { "Fn::Sub": … }`), and resolves to the node as written; the walk over the
 * document reads the tag from the node.
 */
export const CFN_TAGS: Tags = SHORT_TAG_FUNCTIONS.flatMap((name) => [
  { tag: `!${name}`, resolve: (source: string) => source },
  { tag: `!${name}`, collection: 'seq' as const, resolve: <T>(node: T) => node },
  { tag: `!${name}`, collection: 'map' as const, resolve: <T>(node: T) => node },
]) as Tags;

/** An intrinsic function call found in Properties: its name (`Ref`, `Fn::GetAtt`) and a plain copy of its argument. */
export interface Intrinsic {
  fn: string;
  argument: unknown;
}

/** The long-form function name of short tag `!X` (`!Ref` → `Ref`, `!Sub` → `Fn::Sub`), or undefined for another tag. */
export function functionOfTag(tag: string | undefined): string | undefined {
  if (!tag?.startsWith('!')) return undefined;
  const name = tag.slice(1);
  if (!(SHORT_TAG_FUNCTIONS as readonly string[]).includes(name)) return undefined;
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** A long-form call: a mapping whose one key is `Ref` or `Fn::…` (`Condition` only appears inside condition functions). */
export function isLongFormKey(key: unknown): key is string {
  return key === 'Ref' || (typeof key === 'string' && key.startsWith('Fn::'));
}

/** `!Ref AWS::NoValue`: the property is removed, as if not written. */
export function isNoValue(i: Intrinsic): boolean {
  return i.fn === 'Ref' && i.argument === 'AWS::NoValue';
}

/** The text a placeholder node holds for a call: `${Fn::GetAtt}` reads as a template placeholder. */
export function placeholderOf(i: Intrinsic): string {
  return `\${${i.fn}}`;
}

/** The logical id a `Ref` names (`!Ref TaskDef`, `{"Ref": "TaskDef"}`), else undefined. */
export function refTarget(i: Intrinsic | undefined): string | undefined {
  return i?.fn === 'Ref' && typeof i.argument === 'string' ? i.argument : undefined;
}
