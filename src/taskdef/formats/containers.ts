/**
 * A Terraform `container_definitions` file: a JSON array of container definitions (what
 * `container_definitions = file("containers.json")` or `templatefile(…)` reads). Validated container
 * by container with the rules that hold for the containers alone: the task's network mode,
 * compatibilities, cpu, memory, volumes and roles are arguments of `aws_ecs_task_definition` in HCL,
 * so no rule that needs them runs. Template syntax (`${…}`, `%{…}`) is read as placeholders.
 *
 * The AWS provider decodes the array with Go's encoding/json into the SDK's ContainerDefinition
 * (terraform-provider-aws internal/service/ecs/container_definitions.go, internal/json/decode.go):
 * keys match ignoring case, unknown keys are dropped silently, and a value of the wrong type fails
 * the plan. The messages say so.
 */
import { DiagnosticSink, type Node, items, parseDocument, prop } from '../document';
import { taskRules } from '../rules/all';
import { TaskContext } from '../rules/context';
import { validateAgainstSchema } from '../schemaValidation';
import { schemaFor } from '../schema';
import { reportSyntaxErrors } from '../syntax';
import type { ValidateOptions } from '../types';
import type { ValidationResult } from '../validate';
import { maskTemplate, hasTemplateSyntax } from './template';

/** Task-level parameters and the `aws_ecs_task_definition` argument that sets each in Terraform. */
const TASK_LEVEL_ARGUMENTS: Record<string, string> = {
  family: 'family',
  taskRoleArn: 'task_role_arn',
  executionRoleArn: 'execution_role_arn',
  networkMode: 'network_mode',
  requiresCompatibilities: 'requires_compatibilities',
  volumes: 'volume',
  placementConstraints: 'placement_constraints',
  runtimePlatform: 'runtime_platform',
  ephemeralStorage: 'ephemeral_storage',
  proxyConfiguration: 'proxy_configuration',
  inferenceAccelerators: 'inference_accelerator',
  pidMode: 'pid_mode',
  ipcMode: 'ipc_mode',
  tags: 'tags',
  containerDefinitions: 'container_definitions',
};

export function validateContainersFile(text: string, options: ValidateOptions): ValidationResult {
  void options;
  const doc = parseDocument(maskTemplate(text).text);
  const sink = new DiagnosticSink(doc);
  reportSyntaxErrors(doc, sink);
  const result: ValidationResult = { kind: 'containers', diagnostics: sink.diagnostics, definitions: [], syntaxError: doc.syntaxErrors.length > 0 };
  const root = doc.root;
  if (!root) return result;
  if (root.type !== 'array') {
    const hint = root.type === 'object' && prop(root, 'containerDefinitions') ? ' This one is a task definition: validate it as one (--kind task).' : '';
    sink.error(root, 'not-an-array', `A container definitions file (Terraform's container_definitions) is a JSON array of containers ([ { "name": …, "image": … } ]).${hint}`);
    return result;
  }
  result.definitions = [{ node: root, path: [] }];
  if (items(root).length === 0) {
    sink.error(root, 'array-too-short', 'No container: a task definition needs at least one (ECS refuses an empty list: "Container list cannot be empty.").');
    return result;
  }
  const schema = schemaFor('task');
  validateAgainstSchema(schema, root, schema.properties!.containerDefinitions, sink, {
    unknownPropertyNote: 'Terraform drops unknown properties without a word: this setting is lost.',
    onCaseVariant: (p, key, name) =>
      sink.warning(p, 'property-name-case', `"${key}" is read as "${name}" by Terraform (its JSON decoder ignores case), but the AWS CLI and the other tools need "${name}", and this linter checks only that spelling: write "${name}".`, { suggestion: name }),
  });
  reportTaskLevelKeys(root, sink);
  taskRules(TaskContext.ofContainers(root, sink));
  sink.diagnostics.sort((a, b) => a.offset - b.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return result;
}

/** A task parameter written in a container: its own diagnostic names the Terraform argument to use. */
function reportTaskLevelKeys(root: Node, sink: DiagnosticSink): void {
  const containerKeys = schemaFor('task').definitions!.ContainerDefinition.properties!;
  for (const container of items(root)) {
    for (const p of container.type === 'object' ? (container.children ?? []) : []) {
      const key = p.children?.[0]?.value as string;
      const argument = Object.hasOwn(TASK_LEVEL_ARGUMENTS, key) && !Object.hasOwn(containerKeys, key) ? TASK_LEVEL_ARGUMENTS[key] : undefined;
      if (!argument) continue;
      // Replaces the generic unknown-property of the same key: one diagnostic, the useful one.
      const i = sink.diagnostics.findIndex((d) => d.code === 'unknown-property' && d.offset === p.children![0].offset);
      if (i >= 0) sink.diagnostics.splice(i, 1);
      sink.error(p, 'task-level-in-container', `"${key}" is a task-level parameter, not a container's: Terraform drops it here without a word. Set it with the "${argument}" argument of aws_ecs_task_definition.`);
    }
  }
}

/** Keys only a container definition has: an object with one of them is a container. */
const CONTAINER_KEYS = new Set([
  'image',
  'essential',
  'portMappings',
  'environment',
  'logConfiguration',
  'memoryReservation',
  'entryPoint',
  'secrets',
  'healthCheck',
  'mountPoints',
  'dependsOn',
  'volumesFrom',
  'links',
  'workingDirectory',
  'firelensConfiguration',
  'linuxParameters',
  'repositoryCredentials',
  'ulimits',
  'dockerLabels',
  'environmentFiles',
  'readonlyRootFilesystem',
]);

interface ShapeNode {
  type: string;
  children?: ShapeNode[];
  value?: unknown;
}

/** A file name Terraform users give a containers file: `containers.json`, `container-definitions.json.tpl`, `container_definitions.json`. */
export function isContainersFileName(fileName: string | undefined): boolean {
  if (!fileName) return false;
  return /container[-_]?(definition)?s?[^/\\]*\.(json|tpl|tmpl|tftpl)$|containers?[^/\\]*\.(json|tpl|tmpl|tftpl)$/i.test(fileName.replace(/^.*[\\/]/, ''));
}

/**
 * A top-level array of container definitions: every item an object, and one with a key only a
 * container has (`[{"name": …, "value": …}]` is an environment list, not containers). Template
 * syntax is masked first. An empty array, or one still being written, counts when the file name
 * says containers.
 */
export function looksLikeContainers(root: ShapeNode | undefined, text?: string, fileName?: string): boolean {
  if (root?.type !== 'array' && text !== undefined && hasTemplateSyntax(text)) root = parseDocument(maskTemplate(text).text).root;
  if (root?.type !== 'array') return false;
  const children = root.children ?? [];
  if (isContainersFileName(fileName)) return children.every((c) => c.type === 'object' || c.type === 'string');
  const objects = children.filter((c) => c.type === 'object');
  // Strings are allowed beside objects: a template's `${jsonencode(sidecar)}` is a container too.
  if (objects.length === 0 || objects.length + children.filter((c) => c.type === 'string').length !== children.length) return false;
  return objects.some((o) => (o.children ?? []).some((p) => CONTAINER_KEYS.has(p.children?.[0]?.value as string)));
}
