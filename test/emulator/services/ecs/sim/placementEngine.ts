/**
 * Where ECS places one EC2 task, as https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html
 * orders it: the container instances that have the task's CPU, memory, ports (and ENIs, and the
 * attributes its definition requires), then those that satisfy its placement constraints
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html),
 * then the placement strategies in order, each narrowing what the one before left
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html).
 * Pure: plain data in, the chosen instance or every instance's reason out. Each reason is the
 * `failures[].reason` RunTask / StartTask report for that instance
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/api_failures_messages.html; the
 * constraint ones as ECS returns them, e.g. "DistinctInstance placement constraint unsatisfied.").
 */
import { matchesQuery, type QueryExpr, type QueryTarget } from './clusterQuery';

export type PlacementReason =
  | 'AGENT' | 'ATTRIBUTE' | 'RESOURCE:CPU' | 'RESOURCE:MEMORY' | 'RESOURCE:PORTS' | 'RESOURCE:ENI'
  | 'MemberOf placement constraint unsatisfied.' | 'DistinctInstance placement constraint unsatisfied.';

/** Checks in the order ECS applies them: an instance reports the first one it fails. */
export const CHECK_ORDER: PlacementReason[] = [
  'AGENT', 'ATTRIBUTE', 'RESOURCE:CPU', 'RESOURCE:MEMORY', 'RESOURCE:PORTS', 'RESOURCE:ENI',
  'MemberOf placement constraint unsatisfied.', 'DistinctInstance placement constraint unsatisfied.',
];

/** "The closest matching container-instance can not exceed the maximum allowed reserved port limit of 100 host ports" (service-event-messages.html). */
export const MAX_HOST_PORTS = 100;

export interface HostPort {
  port: number;
  protocol: string;
}

/** One ACTIVE container instance as placement sees it. */
export interface PlacementCandidate extends QueryTarget {
  id: string;
  arn: string;
  free: { cpu: number; memory: number };
  /** Host ports taken by its tasks, as `port/protocol`. */
  portsInUse: ReadonlySet<string>;
  /** ENI attachments left for awsvpc tasks; undefined where the emulator does not limit them. */
  enisFree?: number;
}

export type PlacementConstraintRule = { type: 'distinctInstance' } | { type: 'memberOf'; expr: QueryExpr };
export interface StrategyRule {
  type: 'binpack' | 'spread' | 'random';
  field?: string;
}

export interface TaskNeeds {
  cpu: number;
  memory: number;
  /** Fixed host ports (bridge and host network modes). */
  hostPorts: HostPort[];
  /** Port mappings with a dynamic host port (bridge mode, hostPort 0 or none). */
  dynamicPorts: number;
  /** awsvpc: the task takes an ENI of the instance. */
  eni: boolean;
  /** The task definition's requiresAttributes (name, optional value). */
  requiredAttributes: { name: string; value?: string }[];
  /** The task's group: `service:<name>`, `family:<family>` or RunTask's `group`. */
  group: string;
  constraints: PlacementConstraintRule[];
  strategies: StrategyRule[];
}

export interface PlacementOutcome {
  chosen?: PlacementCandidate;
  /** Every instance that cannot take the task, with its reason. */
  rejected: { candidate: PlacementCandidate; reason: PlacementReason }[];
}

/** The first check `c` fails for `need`, if any. */
export function rejectionOf(c: PlacementCandidate, need: TaskNeeds): PlacementReason | undefined {
  if (!c.agentConnected) return 'AGENT';
  if (need.requiredAttributes.some((a) => !c.attributes.has(a.name) || (a.value !== undefined && c.attributes.get(a.name) !== a.value))) return 'ATTRIBUTE';
  if (c.free.cpu < need.cpu) return 'RESOURCE:CPU';
  if (c.free.memory < need.memory) return 'RESOURCE:MEMORY';
  if (need.hostPorts.some((p) => c.portsInUse.has(`${p.port}/${p.protocol}`)) || c.portsInUse.size + need.hostPorts.length + need.dynamicPorts > MAX_HOST_PORTS) return 'RESOURCE:PORTS';
  if (need.eni && c.enisFree !== undefined && c.enisFree < 1) return 'RESOURCE:ENI';
  for (const rule of need.constraints) {
    if (rule.type === 'memberOf' && !matchesQuery(rule.expr, c)) return 'MemberOf placement constraint unsatisfied.';
    if (rule.type === 'distinctInstance' && c.taskGroups.includes(need.group)) return 'DistinctInstance placement constraint unsatisfied.';
  }
  return undefined;
}

/** The value of a spread field on an instance: `instanceId`/`host`, or an attribute (missing: its own bucket). */
function spreadKey(c: PlacementCandidate, field: string): string {
  if (field === 'instanceId' || field === 'host') return c.id;
  const name = field.startsWith('attribute:') ? field.slice('attribute:'.length) : field;
  return c.attributes.has(name) ? `=${c.attributes.get(name) ?? ''}` : '';
}

/**
 * One strategy narrows the eligible instances: binpack keeps those with the least of the resource
 * left, spread those whose field value holds the fewest tasks of the group (counted over every
 * instance with that value), random keeps one.
 */
function narrow(eligible: PlacementCandidate[], all: PlacementCandidate[], rule: StrategyRule, group: string, random: () => number): PlacementCandidate[] {
  if (rule.type === 'random') return [eligible[Math.floor(random() * eligible.length)]];
  if (rule.type === 'binpack') {
    const left = (c: PlacementCandidate): number => (rule.field === 'cpu' ? c.free.cpu : c.free.memory);
    const least = Math.min(...eligible.map(left));
    return eligible.filter((c) => left(c) === least);
  }
  const field = rule.field ?? 'instanceId';
  const load = new Map<string, number>();
  for (const c of all) {
    const k = spreadKey(c, field);
    load.set(k, (load.get(k) ?? 0) + c.taskGroups.filter((g) => g === group).length);
  }
  const fewest = Math.min(...eligible.map((c) => load.get(spreadKey(c, field)) ?? 0));
  return eligible.filter((c) => (load.get(spreadKey(c, field)) ?? 0) === fewest);
}

/** Places one task among `candidates` (in registration order: the tie-break after every strategy). */
export function placeTask(candidates: PlacementCandidate[], need: TaskNeeds, random: () => number): PlacementOutcome {
  const rejected: PlacementOutcome['rejected'] = [];
  let eligible: PlacementCandidate[] = [];
  for (const c of candidates) {
    const reason = rejectionOf(c, need);
    if (reason) rejected.push({ candidate: c, reason });
    else eligible.push(c);
  }
  if (!eligible.length) return { rejected };
  for (const rule of need.strategies) {
    eligible = narrow(eligible, candidates, rule, need.group, random);
    if (eligible.length === 1) break;
  }
  return { chosen: eligible[0], rejected };
}

/**
 * "The closest matching container instance" a service event names: the one that got furthest
 * through the checks, then the one with most of the resource it lacked.
 */
export function closestRejection<T extends { reason: PlacementReason; free: { cpu: number; memory: number } }>(rejected: readonly T[]): T | undefined {
  const depth = (r: T): number => CHECK_ORDER.indexOf(r.reason);
  const amount = (r: T): number => (r.reason === 'RESOURCE:CPU' ? r.free.cpu : r.reason === 'RESOURCE:MEMORY' ? r.free.memory : 0);
  let best: T | undefined;
  for (const r of rejected) {
    if (!best || depth(r) > depth(best) || (depth(r) === depth(best) && amount(r) > amount(best))) best = r;
  }
  return best;
}
