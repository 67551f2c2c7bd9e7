/**
 * What RunTask, CreateService, UpdateService and RegisterTaskDefinition accept as placement
 * strategies and constraints, checked before anything changes, and their parsed form for the
 * placement engine. AWS's own wording where it is on record:
 * - "Placement strategies are not supported with FARGATE launch type" and "Placement constraints
 *   are not supported with FARGATE launch type." (InvalidParameterException, as ECS returns them);
 *   "Task placement strategies and constraints are not supported for tasks using the Fargate launch
 *   type" (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html);
 * - "distinctInstance expression should not be specified." (InvalidParameterException);
 * - "constraint.type 'distinctInstance' is not supported." (RegisterTaskDefinition, ClientException):
 *   `memberOf` is the only task-definition constraint
 *   (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html).
 * The limits are the API reference's ("a maximum of 5 strategy rules", "up to 10 constraints for
 * each task (including constraints in the task definition and those specified at runtime)", an
 * expression of at most 2000 characters: API_RunTask.html, API_PlacementConstraint.html); the
 * wording of those refusals and of a malformed strategy or expression is not published, so it is the
 * emulator's own, naming the parameter. Fields: binpack `cpu` or `memory`; spread `instanceId`,
 * `host` or `attribute:<name>` (API_PlacementStrategy.html).
 */
import type * as ecs from '../../generated/ecs';
import { AwsError } from '../../kit/errors';
import { bad } from './common';
import { parseQuery, QueryError } from './sim/clusterQuery';
import type { PlacementConstraintRule, StrategyRule } from './sim/placementEngine';
import type { QueryExpr } from './sim/clusterQuery';
import { isFargate } from './sim/timing';
import type { ClusterRecord } from './state';

const MAX_STRATEGIES = 5;
const MAX_CONSTRAINTS = 10;
const MAX_EXPRESSION = 2000;

export function parseStrategies(strategies: ecs.PlacementStrategy[] | undefined): StrategyRule[] {
  const list = strategies ?? [];
  if (list.length > MAX_STRATEGIES) throw bad(`placementStrategy can have at most ${MAX_STRATEGIES} strategy rules.`);
  return list.map((s, i) => {
    const type = s.type ?? 'random';
    if (type === 'binpack' && s.field !== 'cpu' && s.field !== 'memory') {
      throw bad(`placementStrategy[${i}]: the binpack field must be cpu or memory${s.field ? `, not ${s.field}` : ''}.`);
    }
    if (type === 'spread' && !/^(instanceId|host|attribute:\S+)$/.test(s.field ?? '')) {
      throw bad(`placementStrategy[${i}]: the spread field must be instanceId, host or attribute:<name>${s.field ? `, not ${s.field}` : ''}.`);
    }
    return { type, field: type === 'random' ? undefined : s.field };
  });
}

/** Runtime (RunTask, service) and task-definition constraints together, as ECS applies them. */
export function parseConstraints(runtime: ecs.PlacementConstraint[] | undefined, fromTaskDefinition: ecs.TaskDefinitionPlacementConstraint[] = []): PlacementConstraintRule[] {
  const all = [...(runtime ?? []), ...fromTaskDefinition];
  if (all.length > MAX_CONSTRAINTS) throw bad(`A task can have at most ${MAX_CONSTRAINTS} placement constraints, those of its task definition included.`);
  return all.map((c) => {
    if (c.type === 'distinctInstance') {
      if (c.expression) throw bad('distinctInstance expression should not be specified.');
      return { type: 'distinctInstance' as const };
    }
    return { type: 'memberOf' as const, expr: parseExpression(c.expression, bad) };
  });
}

function parseExpression(expression: string | undefined, fail: (m: string) => AwsError): QueryExpr {
  if (!expression?.trim()) throw fail('A memberOf placement constraint needs an expression.');
  if (expression.length > MAX_EXPRESSION) throw fail(`A placement constraint expression can have at most ${MAX_EXPRESSION} characters.`);
  try {
    return parseQuery(expression);
  } catch (e) {
    if (e instanceof QueryError) throw fail(`Invalid placement constraint expression "${expression}": ${e.message}.`);
    throw e;
  }
}

/** CreateService / UpdateService / RunTask: Fargate takes neither; EC2 ones must parse. */
export function checkPlacement(launchType: ecs.LaunchType, strategies: ecs.PlacementStrategy[] | undefined, constraints: ecs.PlacementConstraint[] | undefined, td?: ecs.TaskDefinition): void {
  if (isFargate(launchType)) {
    if (strategies?.length) throw bad('Placement strategies are not supported with FARGATE launch type');
    if (constraints?.length) throw bad('Placement constraints are not supported with FARGATE launch type.');
    return;
  }
  parseStrategies(strategies);
  parseConstraints(constraints, td?.placementConstraints);
}

/** RegisterTaskDefinition: memberOf only, each expression valid. */
export function checkTaskDefinitionConstraints(constraints: ecs.TaskDefinitionPlacementConstraint[] | undefined): void {
  const clientError = (m: string): AwsError => new AwsError('ClientException', m);
  if ((constraints?.length ?? 0) > MAX_CONSTRAINTS) throw clientError(`A task definition can have at most ${MAX_CONSTRAINTS} placement constraints.`);
  for (const c of constraints ?? []) {
    if ((c.type as string) === 'distinctInstance') throw clientError("constraint.type 'distinctInstance' is not supported.");
    parseExpression(c.expression, clientError);
  }
}

/**
 * The capacity provider strategy tasks run with: the request's, else (no launch type either) the
 * cluster's default; refused as ECS refuses it. On record: "Specifying both a launch type and
 * capacity provider strategy is not supported. Remove one and try again.", "The specified capacity
 * provider strategy cannot contain a capacity provider that is not associated with the cluster.",
 * "A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling
 * groups and Fargate providers. Specify one or the other and try again."; the base and weight rules
 * are API_CapacityProviderStrategyItem.html's ("Only one capacity provider in a strategy can have a
 * base defined", "At least one capacity provider must have a weight greater than zero"), worded here.
 */
export function capacityStrategyFor(cluster: ClusterRecord, input: { launchType?: ecs.LaunchType; capacityProviderStrategy?: ecs.CapacityProviderStrategyItem[] }): ecs.CapacityProviderStrategyItem[] | undefined {
  const given = input.capacityProviderStrategy?.length ? input.capacityProviderStrategy : undefined;
  if (given && input.launchType) throw bad('Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.');
  if (input.launchType) return undefined;
  const strategy = given ?? (cluster.defaultCapacityProviderStrategy?.length ? cluster.defaultCapacityProviderStrategy : undefined);
  if (!strategy) return undefined;
  if (given && given.some((s) => !(cluster.capacityProviders ?? []).includes(s.capacityProvider))) {
    throw bad('The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster.');
  }
  const fargate = strategy.filter((s) => s.capacityProvider === 'FARGATE' || s.capacityProvider === 'FARGATE_SPOT').length;
  if (fargate && fargate < strategy.length) {
    throw bad('A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.');
  }
  if (strategy.filter((s) => (s.base ?? 0) > 0).length > 1) throw bad('Only one capacity provider in a capacity provider strategy can have a base defined.');
  if (strategy.length > 1 && strategy.every((s) => !s.weight)) throw bad('At least one capacity provider in a capacity provider strategy must have a weight greater than zero.');
  return strategy;
}
