/**
 * Validates a CloudFormation / SAM template: the YAML or JSON syntax, then every AWS::ECS::TaskDefinition
 * and AWS::ECS::Service resource's Properties with the schema (CloudFormation-named) and the same
 * definition rules as a definition file, then what a service and its task definition say together.
 */
import { type ParseError, parseTree } from 'jsonc-parser';
import { type Node, printSyntaxError } from '../document';
import type { Definition, ValidationResult } from '../validate';
import type { ValidateOptions } from '../types';
import { taskRules } from '../rules/all';
import { TaskContext } from '../rules/context';
import { serviceRules } from '../rules/service';
import { validateAgainstSchema } from '../schemaValidation';
import { apiView } from './apiView';
import { type CheckedResource, crossResourceRules } from './crossResource';
import { cfnSchema } from './names';
import { parseTemplate, type TemplateSyntaxError } from './parse';
import { positionsOf, stringValues, TemplateSink } from './sink';

/** Syntax errors listed before the rest are summed up (as for definitions). */
const MAX_SYNTAX_ERRORS = 100;

export function validateCloudFormation(text: string, _options: ValidateOptions = {}): ValidationResult {
  const template = parseTemplate(text);
  const doc = positionsOf(text);
  const top = new TemplateSink(doc, []);
  const json = looksLikeJson(text);
  // A JSON template is read by CloudFormation as JSON: its syntax is checked as such (YAML's flow
  // style would take `{"Cpu": }` or a trailing comma), the tree still comes from the yaml library.
  const syntaxErrors = json ? jsonSyntaxErrors(text) : template.syntaxErrors;
  for (const e of syntaxErrors.slice(0, MAX_SYNTAX_ERRORS)) {
    const offset = Math.min(e.offset, text.length);
    top.addSpan(offset, Math.min(Math.max(e.length, 1), text.length - offset), '', 'template-syntax', 'error', json ? e.message : `${e.message}: the template is not valid YAML.`);
  }
  const definitions: Definition[] = [];
  const checked: CheckedResource[] = [];
  const sinks: TemplateSink[] = [top];
  const schemaSinks = new Map<Node, TemplateSink>();
  for (const resource of template.resources) {
    const { properties, kind, logicalId } = resource;
    if (!properties) continue;
    const base = ['Resources', logicalId, 'Properties'];
    definitions.push({ node: properties, path: base });
    const data = { definitionPath: base };
    const schemaSink = new TemplateSink(doc, base);
    const { root } = cfnSchema(kind);
    validateAgainstSchema(root, properties, root, schemaSink, {
      skipRootRequired: true,
      onReadOnly: (p, name) => schemaSink.warning(p, 'read-only-field', `"${name}" is returned by CloudFormation (Ref or Fn::GetAtt ${logicalId}.${name}), not set in a template: remove it.`, data),
    });
    const view = apiView(kind, properties);
    const ruleSink = new TemplateSink(doc, base, view.cfnNodeOf, stringValues(properties));
    if (kind === 'task') {
      taskRules(TaskContext.ofTask(view.root, ruleSink, data));
    } else serviceRules(view.root, ruleSink, data);
    checked.push({ resource, view, sink: ruleSink });
    schemaSinks.set(properties, schemaSink);
    sinks.push(schemaSink, ruleSink);
  }
  crossResourceRules(template, checked);
  for (const n of template.nulls) {
    const holder = n.parent?.type === 'property' ? n.parent : n;
    let root = holder;
    while (root.parent) root = root.parent;
    schemaSinks.get(root)?.warning(holder, 'template-null-value', 'CloudFormation refuses null values ("null" values are not allowed in templates): give a value, or remove the property (!Ref AWS::NoValue removes it under a condition).');
  }
  // yaml reports a repeated key as a syntax error already.
  const diagnostics = sinks.flatMap((s) => s.diagnostics).filter((d) => d.code !== 'duplicate-key');
  diagnostics.sort((a, b) => a.offset - b.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { kind: 'cloudformation', diagnostics, definitions, syntaxError: syntaxErrors.length > 0 };
}

function jsonSyntaxErrors(text: string): TemplateSyntaxError[] {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  return errors.map((e) => ({ offset: e.offset, length: e.length, message: printSyntaxError(e).replace('task and service definitions', 'JSON templates') }));
}

function looksLikeJson(text: string): boolean {
  return /^\s*\{/.test(text);
}
