/** Validation entry point: JSON syntax, shape (wrappers, describe output), schema, then the rules. */
import { DiagnosticSink, type Node, childIndex, items, parseDocument, prop, propNode } from './document';
import { validateContainersFile, looksLikeContainers } from './formats/containers';
import { validateTemplate, looksLikeTemplate } from './formats/cloudformation';
import { detectKindOfNode } from './kind';
import { taskRules } from './rules/all';
import { TaskContext } from './rules/context';
import { placementRules } from './rules/placement';
import { serviceRules } from './rules/service';
import { validateAgainstSchema } from './schemaValidation';
import { reportSyntaxErrors } from './syntax';
import { deref, schemaFor } from './schema';
import type { DocumentKind, FileKind, TaskdefDiagnostic, ValidateOptions } from './types';

export interface Definition {
  node: Node;
  /** JSON path of the definition object in the file: [] or ['taskDefinition'] or ['services', 0]. */
  path: (string | number)[];
}

export interface ValidationResult {
  kind: FileKind;
  diagnostics: TaskdefDiagnostic[];
  definitions: Definition[];
  /** True when the text is not valid JSON (diagnostics then hold the syntax errors). */
  syntaxError: boolean;
}

export { MAX_SYNTAX_ERRORS } from './syntax';

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
  // A template is told by its text before any JSON parse: YAML is not JSON.
  if (options.kind === 'cloudformation' || (options.kind === undefined && looksLikeTemplate(text))) return validateTemplate(text, options);
  const doc = parseDocument(text);
  if (options.kind === 'containers' || (options.kind === undefined && looksLikeContainers(doc.root, text, options.fileName))) return validateContainersFile(text, options);
  const sink = new DiagnosticSink(doc);
  reportSyntaxErrors(doc, sink);
  const kind = (options.kind as DocumentKind | undefined) ?? detectKindOfNode(doc.root, options.fileName) ?? 'task';
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
      taskRules(TaskContext.ofTask(def.node, sink, data));
    } else serviceRules(def.node, sink, data);
    placementRules(def.node, kind, sink, data);
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
