/**
 * Placement rules shared by task and service definitions: `memberOf` expressions in the cluster
 * query language (placementQuery.ts), reported where in the string they go wrong; attributes ECS
 * does not set; what each definition accepts. From AWS's pages:
 * - "The memberOf task placement constraint can be specified with ... Creating a new task
 *   definition"; `distinctInstance` only "when either running a task or creating a new service"
 *   (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html;
 *   RegisterTaskDefinition answers "constraint.type 'distinctInstance' is not supported.");
 * - the built-in attributes ecs.ami-id, ecs.availability-zone, ecs.instance-type, ecs.os-type,
 *   ecs.cpu-architecture, ecs.vpc-id, ecs.subnet-id, ecs.os-family, and the optional
 *   ecs.awsvpc-trunk-id, ecs.outpost-arn (same page; `ecs.capability.*` are the agent's);
 * - "a maximum of 5 strategy rules" and "a maximum of 10 constraints for each task" (API_CreateService.html).
 * No placement on Fargate is the service rules' (service.ts) and the Fargate rules' (fargate.ts).
 */
import { type DiagnosticSink, type Node, items, objects, pathOf, pointerOf, prop, str } from '../document';
import { didYouMean } from '../didYouMean';
import { hasPlaceholder } from '../placeholders';
import type { DiagnosticData, DocumentKind } from '../types';
import { checkQuery } from './placementQuery';

export const KNOWN_ATTRIBUTES = [
  'ecs.ami-id', 'ecs.availability-zone', 'ecs.instance-type', 'ecs.os-type', 'ecs.os-family', 'ecs.cpu-architecture',
  'ecs.vpc-id', 'ecs.subnet-id', 'ecs.awsvpc-trunk-id', 'ecs.outpost-arn',
] as const;

const MAX_STRATEGIES = 5;
const MAX_CONSTRAINTS = 10;

/**
 * Offsets in the document of each character of a JSON string's value (and one past its end): a
 * position in the decoded expression becomes a position in the file, escapes included.
 */
function valueOffsets(text: string, node: Node): number[] {
  const out: number[] = [];
  const end = node.offset + node.length - 1;
  for (let r = node.offset + 1; r < end; ) {
    out.push(r);
    r += text[r] !== '\\' ? 1 : text[r + 1] === 'u' ? 6 : 2;
  }
  out.push(end);
  return out;
}

export function placementRules(def: Node, kind: DocumentKind, sink: DiagnosticSink, data: DiagnosticData): void {
  const strategies = prop(def, 'placementStrategy');
  if (kind === 'service' && items(strategies).length > MAX_STRATEGIES)
    sink.error(strategies!, 'placement-too-many', `At most ${MAX_STRATEGIES} placement strategy rules are allowed, found ${items(strategies).length}: ECS refuses more.`, data);
  const constraints = prop(def, 'placementConstraints');
  if (items(constraints).length > MAX_CONSTRAINTS)
    sink.error(constraints!, 'placement-too-many', `At most ${MAX_CONSTRAINTS} placement constraints are allowed (those of the task definition and the service or RunTask together), found ${items(constraints).length}.`, data);
  for (const c of objects(constraints)) {
    const typeNode = prop(c, 'type');
    const type = str(typeNode);
    if (kind === 'task' && type === 'distinctInstance') distinctInTask(typeNode!, sink, data);
    const expr = prop(c, 'expression');
    const text = str(expr);
    if (type !== 'memberOf') continue;
    if (kind === 'task' && (text === undefined || text.trim() === '')) {
      sink.error(expr ?? typeNode!, 'placement-constraint-expression', 'A memberOf constraint needs an "expression" in the cluster query language (e.g. "attribute:ecs.instance-type =~ t3.*").', data);
      continue;
    }
    if (expr?.type === 'string' && text && text.trim() !== '' && !hasPlaceholder(text)) expression(expr, text, sink, data);
  }
}

/** The schema's "not allowed here" becomes the reason: distinctInstance belongs to the service or RunTask. */
function distinctInTask(typeNode: Node, sink: DiagnosticSink, data: DiagnosticData): void {
  const pointer = pointerOf(pathOf(typeNode));
  const generic = sink.diagnostics.findIndex((d) => d.code === 'invalid-enum' && d.pointer === pointer);
  if (generic >= 0) sink.diagnostics.splice(generic, 1);
  sink.error(typeNode, 'placement-distinct-instance-in-task', 'A task definition takes only memberOf constraints: put {"type": "distinctInstance"} in the service\'s (or RunTask\'s) placementConstraints instead (RegisterTaskDefinition refuses it).', data);
}

function expression(node: Node, text: string, sink: DiagnosticSink, data: DiagnosticData): void {
  const offsets = valueOffsets(sink.doc.text, node);
  const pointer = pointerOf(pathOf(node));
  const at = (start: number, end: number) => ({ offset: offsets[start] ?? offsets[offsets.length - 1], length: Math.max(0, (offsets[end] ?? offsets[offsets.length - 1]) - (offsets[start] ?? offsets[offsets.length - 1])) });
  const check = checkQuery(text);
  if (check.problem) {
    const span = at(check.problem.start, check.problem.end);
    sink.addSpan(span.offset, span.length, pointer, 'placement-expression-syntax', 'error', `memberOf expression, column ${check.problem.start + 1}: ${check.problem.message}`, data);
  }
  for (const a of check.attributes) {
    if (!a.name.startsWith('ecs.') || a.name.startsWith('ecs.capability.') || (KNOWN_ATTRIBUTES as readonly string[]).includes(a.name)) continue;
    const near = didYouMean(a.name, KNOWN_ATTRIBUTES);
    const span = at(a.start, a.end);
    const replacement = near ? text.slice(0, a.start) + near + text.slice(a.end) : undefined;
    sink.addSpan(span.offset, span.length, pointer, 'placement-unknown-attribute', 'warning',
      `"${a.name}" is not an attribute ECS sets${near ? `: did you mean "${near}"?` : '.'} Built-in attributes: ${KNOWN_ATTRIBUTES.join(', ')}.`,
      { ...data, ...(near ? { suggestion: near, replacement } : {}) });
  }
}
