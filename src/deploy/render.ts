/**
 * Task definition text or describe output → RegisterTaskDefinition input: validated (errors block,
 * warnings are reported), describe wrapper and read-only fields removed, one container's image
 * optionally replaced, no unresolved placeholder in an image. The task-definition core is passed in
 * (the editor layer loads it lazily; unit tests import it directly).
 */
import type * as Taskdef from '../taskdef';
import type { TaskdefDiagnostic } from '../taskdef';
import type { ecs as EcsTypes } from '../aws/sdk';

export type TaskdefCore = Pick<typeof Taskdef, 'validate' | 'unwrapTaskDefinition' | 'hasPlaceholder'>;
export type RegisterInput = EcsTypes.RegisterTaskDefinitionRequest;

export interface ImageReplacement {
  container: string;
  uri: string;
}

/** Diagnostics that registering fixes by itself (it strips them), so they neither block nor ask. */
const HANDLED = new Set(['read-only-field', 'wrapped-task-definition']);

export interface Prepared {
  input: RegisterInput;
  errors: TaskdefDiagnostic[];
  warnings: TaskdefDiagnostic[];
  /** The image replaced, when one was: container, before, after. */
  replaced?: { container: string; from: string; to: string };
}

export class DefinitionError extends Error {
  constructor(
    message: string,
    readonly diagnostics: TaskdefDiagnostic[] = [],
  ) {
    super(message);
    this.name = 'DefinitionError';
  }
}

/** `line 4, col 7: message (code)` with 1-based positions, as people read them. */
export function diagnosticLine(d: TaskdefDiagnostic): string {
  return `line ${d.range.start.line + 1}, col ${d.range.start.character + 1}: ${d.message} (${d.code})`;
}

/**
 * Validates and renders. With `validate: false` (a revision AWS already accepted) only the shape
 * is fixed. Throws DefinitionError when the definition has errors; warnings come back.
 */
/**
 * Validates a task-definition file before anything reads it: errors (a syntax error, a comment,
 * a rule) are thrown with their positions; warnings come back.
 */
export function validateDefinition(text: string, core: TaskdefCore, fileName?: string): { errors: TaskdefDiagnostic[]; warnings: TaskdefDiagnostic[] } {
  const result = core.validate(text, { kind: 'task', fileName });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning' && !HANDLED.has(d.code));
  if (errors.length) {
    const shown = errors.slice(0, 5).map(diagnosticLine);
    const more = errors.length > shown.length ? `\n… and ${errors.length - shown.length} more` : '';
    throw new DefinitionError(`The task definition has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was registered:\n${shown.join('\n')}${more}`, errors);
  }
  return { errors, warnings };
}

export function prepareRegistration(text: string, core: TaskdefCore, options: { image?: ImageReplacement; validate?: boolean; fileName?: string } = {}): Prepared {
  const { errors, warnings } = options.validate === false ? { errors: [], warnings: [] } : validateDefinition(text, core, options.fileName);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // validate() already reported syntax errors; with validation off, say so plainly.
    throw new DefinitionError('The task definition is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new DefinitionError('A task definition is a JSON object.');
  // unwrapTaskDefinition strips read-only fields of a wrapped definition: wrap a bare one first.
  const wrapped = 'taskDefinition' in parsed ? text : JSON.stringify({ taskDefinition: parsed });
  const input = JSON.parse(core.unwrapTaskDefinition(wrapped)) as RegisterInput;
  const replaced = options.image ? replaceImage(input, options.image) : undefined;
  for (const c of input.containerDefinitions ?? []) {
    if (c.image && core.hasPlaceholder(c.image)) {
      throw new DefinitionError(`Container "${c.name}" has the unresolved placeholder image "${c.image}": replace it (image: { container: "${c.name}", uri }) or render the file first.`);
    }
  }
  return { input, errors, warnings, replaced };
}

/** Replaces one container's image in place; throws naming the containers there are. */
export function replaceImage(input: RegisterInput, image: ImageReplacement): { container: string; from: string; to: string } {
  const container = input.containerDefinitions?.find((c) => c.name === image.container);
  if (!container) {
    const names = (input.containerDefinitions ?? []).map((c) => c.name).join(', ');
    throw new DefinitionError(`No container "${image.container}" in family ${input.family}: it has ${names || 'no containers'}.`);
  }
  const from = container.image ?? '';
  container.image = image.uri;
  return { container: image.container, from, to: image.uri };
}

/** DescribeTaskDefinition output (with its tags) as text prepareRegistration accepts. */
export function describeOutputText(out: { taskDefinition?: EcsTypes.TaskDefinition; tags?: EcsTypes.Tag[] }): string {
  return JSON.stringify({ taskDefinition: out.taskDefinition, ...(out.tags?.length ? { tags: out.tags } : {}) }, null, 2);
}
