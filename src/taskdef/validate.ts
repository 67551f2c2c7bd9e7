/** Validation entry point: JSON syntax, shape (wrappers, describe output), schema, then the rules. */
import { DiagnosticSink, MAX_NESTING, type Node, childIndex, items, parseDocument, printSyntaxError, prop, propNode } from './document';
import { detectKindOfNode } from './kind';
import { TaskContext } from './rules/context';
import { containerRules } from './rules/containers';
import { fargateRules } from './rules/fargate';
import { logsAndSecretsRules } from './rules/logsSecrets';
import { nameAndImageRules } from './rules/namesImages';
import { resourceRules } from './rules/resources';
import { serviceRules } from './rules/service';
import { validateAgainstSchema } from './schemaValidation';
import { deref, schemaFor } from './schema';
import type { DocumentKind, TaskdefDiagnostic, ValidateOptions } from './types';

export interface Definition {
  node: Node;
  /** JSON path of the definition object in the file: [] or ['taskDefinition'] or ['services', 0]. */
  path: (string | number)[];
}

export interface ValidationResult {
  kind: DocumentKind;
  diagnostics: TaskdefDiagnostic[];
  definitions: Definition[];
  /** True when the text is not valid JSON (diagnostics then hold the syntax errors). */
  syntaxError: boolean;
}

/**
 * Syntax errors listed, then one saying how many more: 5 MB of "/a" is 5 million of them, and a
 * diagnostic each ran out of memory.
 */
export const MAX_SYNTAX_ERRORS = 100;

/**
 * A definition not started yet: nothing but whitespace, or an empty top-level object. The editor
 * offers whole-file snippets there instead of "Value expected" or the missing required members.
 */
export function isEmptyDefinition(text: string): boolean {
  const t = text.trim();
  return t === '' || /^\{\s*\}$/.test(t);
}

/** Validates a task- or service-definition text. Plain data in, plain data out. */
export function validate(text: string, options: ValidateOptions = {}): ValidationResult {
  const doc = parseDocument(text);
  const sink = new DiagnosticSink(doc);
  if (doc.tooDeepAt >= 0)
    sink.addSpan(doc.tooDeepAt, 1, '', 'nesting-too-deep', 'error', `Nested more than ${MAX_NESTING} levels deep: the file is not checked further (a task or service definition is a few levels deep).`);
  for (const e of doc.syntaxErrors.slice(0, MAX_SYNTAX_ERRORS)) {
    // At the end of the text the parser reports an empty span there: keep the span inside the text.
    const offset = Math.min(e.offset, text.length);
    sink.addSpan(offset, Math.min(Math.max(e.length, 1), text.length - offset), '', 'json-syntax', 'error', printSyntaxError(e));
  }
  const more = doc.syntaxErrors.length - MAX_SYNTAX_ERRORS;
  if (more > 0) {
    const offset = Math.min(doc.syntaxErrors[MAX_SYNTAX_ERRORS].offset, text.length);
    sink.addSpan(offset, 0, '', 'json-syntax', 'error', `${more.toLocaleString('en-US')} more syntax errors from here are not listed: the file is not valid JSON.`);
  }
  const kind = options.kind ?? detectKindOfNode(doc.root, options.fileName) ?? 'task';
  const result: ValidationResult = { kind, diagnostics: sink.diagnostics, definitions: [], syntaxError: doc.syntaxErrors.length > 0 };
  const root = doc.root;
  if (!root) return result;
  if (root.type !== 'object') {
    sink.error(root, 'not-an-object', `A ${kind === 'task' ? 'task' : 'service'} definition is a JSON object ({ ... }).`);
    return result;
  }
  const describeOutput = options.describeOutput === true;
  result.definitions = kind === 'task' ? taskDefinitions(root, sink, describeOutput) : serviceDefinitions(root, sink, describeOutput);
  const schema = schemaFor(kind);
  for (const def of result.definitions) {
    const data = { definitionPath: def.path };
    validateAgainstSchema(schema, def.node, schema, sink, {
      skipRootRequired: kind === 'service',
      onReadOnly: (p, name) => {
        if (!describeOutput)
          sink.warning(p, 'read-only-field', `"${name}" is read-only output of Describe${kind === 'task' ? 'TaskDefinition' : 'Services'}: the API does not accept it on input. Remove it (quick fix: strip read-only fields).`, data);
      },
    });
    if (kind === 'task') {
      const ctx = new TaskContext(def.node, sink, data);
      nameAndImageRules(ctx);
      fargateRules(ctx);
      containerRules(ctx);
      resourceRules(ctx);
      logsAndSecretsRules(ctx);
    } else serviceRules(def.node, sink, data);
  }
  // Codes are ASCII: compared as code units (localeCompare is a collation, slow on 100,000 diagnostics).
  sink.diagnostics.sort((a, b) => a.offset - b.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return result;
}

/** The task definition itself, or the one inside describe-task-definition's wrapper. */
function taskDefinitions(root: Node, sink: DiagnosticSink, describeOutput: boolean): Definition[] {
  const inner = prop(root, 'taskDefinition');
  if (inner?.type !== 'object') return [{ node: root, path: [] }];
  if (!describeOutput)
    sink.warning(propNode(root, 'taskDefinition')!, 'wrapped-task-definition', 'This is describe-task-definition output: register the object inside "taskDefinition" (quick fix: unwrap, keeping "tags").', { definitionPath: ['taskDefinition'] });
  const schema = schemaFor('task');
  for (const p of root.children ?? []) {
    const key = p.children?.[0]?.value as string;
    if (key === 'taskDefinition') continue;
    if (key === 'tags' && p.children?.[1]) validateAgainstSchema(schema, p.children[1], deref(schema, schema.properties!.tags), sink);
    else if (key !== 'ResponseMetadata') sink.error(p, 'unknown-property', `Unknown property "${key}" beside "taskDefinition": describe-task-definition output holds only "taskDefinition" and "tags".`);
  }
  return [{ node: inner, path: ['taskDefinition'] }];
}

/** The service definition itself, or those inside create-service / describe-services output. */
function serviceDefinitions(root: Node, sink: DiagnosticSink, describeOutput: boolean): Definition[] {
  const single = prop(root, 'service');
  if (single?.type === 'object') {
    if (!describeOutput)
      sink.warning(propNode(root, 'service')!, 'wrapped-service-definition', 'This is create-service / update-service output: use the object inside "service" as the definition.', { definitionPath: ['service'] });
    return [{ node: single, path: ['service'] }];
  }
  const many = prop(root, 'services');
  if (many?.type === 'array') {
    if (!describeOutput)
      sink.warning(propNode(root, 'services')!, 'wrapped-service-definition', 'This is describe-services output: use one object of "services" as the definition.', { definitionPath: ['services', 0] });
    return items(many)
      .filter((n) => n.type === 'object')
      .map((node) => ({ node, path: ['services', childIndex(many, node)] }));
  }
  return [{ node: root, path: [] }];
}
