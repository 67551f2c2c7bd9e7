/** Rules for service definitions (CreateService / UpdateService input). */
import { type DiagnosticSink, type Node, items, num, objects, parseNodeValue, prop, propNode, str } from '../document';
import { ARN_ACCOUNT, ARN_REGION, hasCapitalsPlaceholder, hasPlaceholder } from '../placeholders';
import type { DiagnosticData } from '../types';
import { strategyFindings, configuredStrategy } from '../../util/deploymentStrategy';

const TARGET_GROUP_ARN = new RegExp(`^arn:aws[a-z-]*:elasticloadbalancing:${ARN_REGION}:${ARN_ACCOUNT}:targetgroup/\\S+$`);

const SPREAD_FIELD = /^(instanceId|host|attribute:\S+)$/;

export function serviceRules(def: Node, sink: DiagnosticSink, data: DiagnosticData): void {
  const error = (n: Node, code: string, msg: string, extra?: DiagnosticData) => sink.error(n, code, msg, { ...data, ...extra });
  const warning = (n: Node, code: string, msg: string) => sink.warning(n, code, msg, data);

  const launchType = prop(def, 'launchType');
  const lt = str(launchType);
  const cps = objects(prop(def, 'capacityProviderStrategy'));
  if (launchType && lt && cps.length > 0)
    error(launchType, 'launch-type-with-capacity-providers', '"launchType" and "capacityProviderStrategy" are mutually exclusive: remove one.');
  const providers = cps.map((c) => str(prop(c, 'capacityProvider')) ?? '');
  const onFargate = lt === 'FARGATE' || (cps.length > 0 && providers.every((p) => p === 'FARGATE' || p === 'FARGATE_SPOT'));
  const daemon = str(prop(def, 'schedulingStrategy')) === 'DAEMON';

  // Placement
  const strategies = prop(def, 'placementStrategy');
  const constraints = prop(def, 'placementConstraints');
  if (onFargate) {
    for (const n of [strategies, constraints])
      if (n && items(n).length > 0) error(n, 'placement-with-fargate', `Fargate does not support ${n === strategies ? 'placement strategies' : 'placement constraints'}: remove "${n === strategies ? 'placementStrategy' : 'placementConstraints'}".`);
  }
  // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html (schedulingStrategy):
  // tasks using the Fargate launch type don't support the DAEMON scheduling strategy.
  if (daemon && onFargate) error(prop(def, 'schedulingStrategy')!, 'daemon-with-fargate', 'Fargate does not support the DAEMON scheduling strategy: use REPLICA (with a desired count), or run the service on EC2.');
  if (daemon && strategies && items(strategies).length > 0) error(strategies, 'placement-strategy-with-daemon', 'Daemon services do not support placement strategies: remove "placementStrategy".');
  for (const s of objects(strategies)) {
    const type = str(prop(s, 'type'));
    const fieldNode = prop(s, 'field');
    const field = str(fieldNode);
    if (field !== undefined && hasPlaceholder(field)) continue;
    if (type === 'binpack') {
      if (!fieldNode) error(s, 'placement-strategy-field', 'A binpack strategy needs "field": "cpu" or "memory".');
      else if (field !== 'cpu' && field !== 'memory') error(fieldNode, 'placement-strategy-field', `binpack works on "cpu" or "memory", not "${field}".`, { suggestion: field?.toLowerCase().includes('cpu') ? 'cpu' : 'memory' });
    } else if (type === 'spread') {
      if (!fieldNode) error(s, 'placement-strategy-field', 'A spread strategy needs "field": "instanceId", "host" or "attribute:<name>" (e.g. "attribute:ecs.availability-zone").');
      else if (!field || !SPREAD_FIELD.test(field)) error(fieldNode, 'placement-strategy-field', `spread works on "instanceId", "host" or "attribute:<name>" (e.g. "attribute:ecs.availability-zone"), not "${field}".`);
    } else if (type === 'random' && fieldNode) warning(fieldNode, 'placement-strategy-field', 'The random strategy takes no "field": remove it.');
  }
  for (const c of objects(constraints)) {
    const type = str(prop(c, 'type'));
    const expr = prop(c, 'expression');
    if (type === 'memberOf' && (!expr || (str(expr) ?? '').trim() === '')) error(expr ?? prop(c, 'type')!, 'placement-constraint-expression', 'A memberOf constraint needs an "expression" in the cluster query language (e.g. "attribute:ecs.instance-type =~ t3.*").');
    if (type === 'distinctInstance' && expr && str(expr)) error(expr, 'placement-constraint-expression', 'A distinctInstance constraint takes no "expression": remove it.');
  }

  deployment(def, daemon, error, warning);
  strategy(def, sink, data);
  loadBalancers(def, error);
  network(def, lt, error);
}

/** The strategy rules (src/util/deploymentStrategy.ts), reported on the value each path names. */
function strategy(def: Node, sink: DiagnosticSink, data: DiagnosticData): void {
  const dc = prop(def, 'deploymentConfiguration');
  if (dc?.type !== 'object') return;
  const plain = { deploymentConfiguration: parseNodeValue(dc), deploymentController: parseNodeValue(prop(def, 'deploymentController')), loadBalancers: parseNodeValue(prop(def, 'loadBalancers')), serviceConnectConfiguration: parseNodeValue(prop(def, 'serviceConnectConfiguration')) };
  for (const f of strategyFindings(plain, { isTemplate: (v) => hasPlaceholder(v) || hasCapitalsPlaceholder(v) })) {
    let node = def;
    for (const seg of f.path) {
      const next = typeof seg === 'number' ? items(node)[seg] : prop(node, seg);
      if (!next) break;
      node = next;
    }
    sink.add(node, f.code, f.severity, f.message, data);
  }
}

type Report = (n: Node, code: string, msg: string, extra?: DiagnosticData) => void;

function deployment(def: Node, daemon: boolean, error: Report, warning: Report): void {
  const dc = prop(def, 'deploymentConfiguration');
  if (!dc) return;
  const minNode = prop(dc, 'minimumHealthyPercent');
  const maxNode = prop(dc, 'maximumPercent');
  const min = num(minNode);
  const max = num(maxNode);
  if (min !== undefined && min < 0) error(minNode!, 'deployment-percent-bounds', '"minimumHealthyPercent" cannot be negative.');
  if (min !== undefined && min > 100) error(minNode!, 'deployment-percent-bounds', `"minimumHealthyPercent" is at most 100, not ${min}.`, { replacement: 100 });
  if (max !== undefined && !daemon && max < 100) error(maxNode!, 'deployment-percent-bounds', `"maximumPercent" must be at least 100 for replica services, not ${max}.`, { replacement: 200 });
  else if (max !== undefined && min !== undefined && max < min) error(maxNode!, 'deployment-percent-bounds', `"maximumPercent" (${max}) is below "minimumHealthyPercent" (${min}).`);
  if (max === 100 && min === 100 && !daemon && configuredStrategy(parseNodeValue(dc)) === 'ROLLING') warning(maxNode!, 'deployment-no-room', 'With minimumHealthyPercent 100 and maximumPercent 100 a rolling deployment can neither stop nor start a task: raise maximumPercent (e.g. 200) or lower minimumHealthyPercent.');

  const cb = prop(dc, 'deploymentCircuitBreaker');
  if (cb) {
    const controller = str(prop(prop(def, 'deploymentController'), 'type'));
    if (controller && controller !== 'ECS' && prop(cb, 'enable')?.value === true)
      error(propNode(dc, 'deploymentCircuitBreaker')!, 'circuit-breaker-controller', `The deployment circuit breaker works only with the ECS (rolling update) deployment controller, not ${controller}.`);
    if (prop(cb, 'rollback')?.value === true && prop(cb, 'enable')?.value === false)
      warning(prop(cb, 'rollback')!, 'circuit-breaker-disabled', '"rollback": true has no effect while "enable" is false: set "enable": true.');
  }
}

function loadBalancers(def: Node, error: Report): void {
  for (const lb of objects(prop(def, 'loadBalancers'))) {
    const tg = prop(lb, 'targetGroupArn');
    const name = prop(lb, 'loadBalancerName');
    if (!tg && !name) error(lb, 'load-balancer-target', 'A load balancer entry needs "targetGroupArn" (ALB/NLB) or "loadBalancerName" (Classic Load Balancer).');
    if (tg && name && str(name)) error(name, 'load-balancer-target', 'Give either "targetGroupArn" or "loadBalancerName", not both.');
    const tgv = str(tg);
    if (tg && tgv !== undefined && !hasPlaceholder(tgv) && !hasCapitalsPlaceholder(tgv) && !TARGET_GROUP_ARN.test(tgv))
      error(tg, 'load-balancer-target', '"targetGroupArn" must be a target group ARN (arn:aws:elasticloadbalancing:region:account:targetgroup/name/id).');
    if (!prop(lb, 'containerName')) error(lb, 'load-balancer-container', 'A load balancer entry needs "containerName": the container that receives the traffic.');
    if (!prop(lb, 'containerPort')) error(lb, 'load-balancer-container', 'A load balancer entry needs "containerPort": the port of the container that receives the traffic.');
  }
}

function network(def: Node, lt: string | undefined, error: Report): void {
  const vpc = prop(prop(def, 'networkConfiguration'), 'awsvpcConfiguration');
  if (!vpc) return;
  const subnets = prop(vpc, 'subnets');
  if (subnets?.type === 'array' && items(subnets).length === 0) error(subnets, 'awsvpc-subnets', 'List at least one subnet ID in "subnets".');
  for (const s of items(subnets)) checkId(s, 'subnet', 'awsvpc-subnets', error);
  for (const s of items(prop(vpc, 'securityGroups'))) checkId(s, 'sg', 'awsvpc-security-groups', error);
  const pub = prop(vpc, 'assignPublicIp');
  if (lt === 'EC2' && str(pub) === 'ENABLED') error(pub!, 'assign-public-ip-ec2', '"assignPublicIp": "ENABLED" is supported only on Fargate: remove it or use DISABLED for the EC2 launch type.');
}

function checkId(n: Node, prefix: string, code: string, error: Report): void {
  const v = str(n);
  if (v === undefined || hasPlaceholder(v) || hasCapitalsPlaceholder(v)) return;
  if (new RegExp(`^${prefix}-[0-9a-zA-Z]+$`).test(v)) return;
  const trimmed = v.trim();
  const hint = trimmed !== v ? ` It has leading or trailing whitespace: "${trimmed}".` : '';
  error(n, code, `"${v}" is not a ${prefix === 'sg' ? 'security group' : 'subnet'} ID (${prefix}-followed by hex digits).${hint}`, trimmed !== v ? { replacement: trimmed } : undefined);
}
