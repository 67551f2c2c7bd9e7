/**
 * The deployment-strategy rules the ECS API schema cannot express, over plain JSON: one
 * implementation for the service-definition language (src/taskdef/rules/service.ts maps the paths
 * to the file's nodes) and for *Update Service…* (checked before UpdateService is sent).
 *
 * Sources (AWS, Amazon ECS Developer Guide and API Reference):
 * - deployment-type-blue-green.html, blue-green-deployment-how-it-works.html: blue/green needs the
 *   ECS deployment controller and, per load balancer, `advancedConfiguration` (alternate target
 *   group, production listener rule, role; the test listener rule is optional), or Service Connect.
 * - deployment-type-linear.html / deployment-type-canary.html, API_LinearConfiguration.html,
 *   API_CanaryConfiguration.html: stepPercent 3.0–100 and canaryPercent 0.1–100, multiples of 0.1;
 *   step and canary bake times 0–1440 minutes; each configuration only with its own strategy.
 * - API_DeploymentConfiguration.html: bakeTimeInMinutes (0–1440) must be given with BLUE_GREEN.
 * - deployment-lifecycle-hooks.html, pause-lifecycle-hooks.html, API_DeploymentLifecycleHook.html:
 *   AWS_LAMBDA hooks need hookTargetArn (a Lambda function) and roleArn; PAUSE hooks take neither
 *   and cannot be set at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT.
 */

export const DEPLOYMENT_STRATEGIES = ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'] as const;
export type DeploymentStrategy = (typeof DEPLOYMENT_STRATEGIES)[number];

export const LIFECYCLE_STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
] as const;

/** Stages that only happen when traffic moves between two revisions (not in a rolling update). */
const TRAFFIC_STAGES = new Set(['TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT', 'PRE_PRODUCTION_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT']);
const NO_PAUSE_STAGES = new Set(['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT']);

export const BLUE_GREEN_DOC = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-how-it-works.html';

/**
 * How the rolling-update settings act once traffic shifts between two revisions (blue/green,
 * linear, canary), said in a hover and an information diagnostic. From blue-green-deployment-how-it-works.html
 * and deployment-type-blue-green.html: the green revision is started at the full desired count beside blue,
 * then traffic moves; the circuit breaker and CloudWatch alarms still roll the deployment back.
 */
export const TASK_COUNTS_UNDER_TRAFFIC_SHIFT =
  'Under BLUE_GREEN, LINEAR and CANARY, minimumHealthyPercent and maximumPercent do not pace the rollout as in a rolling update: ECS starts the new (green) revision at the full desired count beside the old (blue) one before any traffic moves, so the cluster needs room for twice the tasks until the bake time ends. The percentages still bound how ECS replaces unhealthy tasks.';
export const CIRCUIT_BREAKER_UNDER_TRAFFIC_SHIFT =
  'Under BLUE_GREEN, LINEAR and CANARY the circuit breaker watches the new (green) revision\'s tasks: when they fail to start or pass health checks and "rollback" is true, ECS moves traffic back to the old (blue) revision, which is still running, instead of replacing tasks one by one. CloudWatch alarms in "alarms" roll back the same way, also during the bake time.';

export type StrategySeverity = 'error' | 'warning' | 'info';

export interface StrategyFinding {
  /** Path from the service definition to the value (or the object missing a member). */
  path: (string | number)[];
  code: string;
  severity: StrategySeverity;
  message: string;
}

export interface StrategyOptions {
  /** True for template text (`${VAR}`, `{{ tfstate ... }}`) whose final value is unknown: not checked. */
  isTemplate?: (s: string) => boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asObj = (v: unknown): Obj | undefined => (isObj(v) ? v : undefined);

const TARGET_GROUP = /^arn:aws[a-z-]*:elasticloadbalancing:[^:\s]*:[^:\s]*:targetgroup\/\S+$/;
const LISTENER_OR_RULE = /^arn:aws[a-z-]*:elasticloadbalancing:[^:\s]*:[^:\s]*:listener(-rule)?\/\S+$/;
const ROLE = /^arn:aws[a-z-]*:iam::[^:\s]*:role\/\S+$/;
const LAMBDA = /^arn:aws[a-z-]*:lambda:[^:\s]*:[^:\s]*:function:[^:\s]+(:[^:\s]+)?$/;

/** `loadBalancers[0].advancedConfiguration`: a finding's path as a person reads it. */
export function pathText(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

/** A multiple of 0.1 within [min, max] (floating point noise of a decimal literal allowed). */
export function isTenthIn(v: number, min: number, max: number): boolean {
  return v >= min - 1e-9 && v <= max + 1e-9 && Math.abs(v * 10 - Math.round(v * 10)) < 1e-6;
}

export function isBakeMinutes(v: number): boolean {
  return Number.isInteger(v) && v >= 0 && v <= 1440;
}

/** The strategy a deployment configuration names; ROLLING when it names none. */
export function configuredStrategy(deploymentConfiguration: unknown): string {
  const s = asObj(deploymentConfiguration)?.strategy;
  return typeof s === 'string' ? s : 'ROLLING';
}

export const shiftsTraffic = (strategy: string) => strategy === 'BLUE_GREEN' || strategy === 'LINEAR' || strategy === 'CANARY';

/** Every rule for `service` (a service definition, or a described service with the change merged in). */
export function strategyFindings(service: Obj, options: StrategyOptions = {}): StrategyFinding[] {
  const out: StrategyFinding[] = [];
  const dc = asObj(service.deploymentConfiguration);
  if (!dc) return out;
  const add = (path: (string | number)[], code: string, severity: StrategySeverity, message: string) => out.push({ path, code, severity, message });
  const template = (v: unknown) => typeof v === 'string' && !!options.isTemplate?.(v);
  const strategy = configuredStrategy(dc);
  const at = (...p: (string | number)[]) => ['deploymentConfiguration', ...p];
  const strategyPath = 'strategy' in dc ? at('strategy') : at();
  // Anything else is the schema's invalid-enum (or a template): nothing to say about its settings.
  if (!(DEPLOYMENT_STRATEGIES as readonly string[]).includes(strategy)) return out;

  if (shiftsTraffic(strategy)) {
    const controller = asObj(service.deploymentController)?.type;
    if (controller === 'CODE_DEPLOY' || controller === 'EXTERNAL')
      add(strategyPath, 'strategy-controller', 'error', `The ${strategy} strategy works only with the ECS deployment controller, not ${controller}: set "deploymentController": { "type": "ECS" } or remove "strategy".`);
    loadBalancerRules(service, strategy, strategyPath, add, template);
    if (dc.bakeTimeInMinutes === undefined && strategy === 'BLUE_GREEN')
      add(strategyPath, 'bake-time-missing', 'warning', 'Give "bakeTimeInMinutes" (0–1440) with BLUE_GREEN: how long both revisions keep running after production traffic has moved, so a rollback is instant (the API reference asks for it).');
    if (dc.minimumHealthyPercent !== undefined || dc.maximumPercent !== undefined)
      add(at(dc.minimumHealthyPercent !== undefined ? 'minimumHealthyPercent' : 'maximumPercent'), 'strategy-task-counts', 'info', TASK_COUNTS_UNDER_TRAFFIC_SHIFT);
    if (asObj(dc.deploymentCircuitBreaker)?.enable === true) add(at('deploymentCircuitBreaker'), 'strategy-circuit-breaker', 'info', CIRCUIT_BREAKER_UNDER_TRAFFIC_SHIFT);
  }

  if (typeof dc.bakeTimeInMinutes === 'number' && !isBakeMinutes(dc.bakeTimeInMinutes))
    add(at('bakeTimeInMinutes'), 'bake-time-range', 'error', `"bakeTimeInMinutes" is a whole number of minutes from 0 to 1440 (24 hours), not ${dc.bakeTimeInMinutes}.`);

  for (const t of TRAFFIC_SHIFT_SETTINGS) {
    if (dc[t.key] !== undefined && strategy !== t.strategy)
      add(at(t.key), 'strategy-configuration-mismatch', 'error', `"${t.key}" is used only with "strategy": "${t.strategy}" (this one is ${strategy}): set the strategy to ${t.strategy} or remove it.`);
    const config = asObj(dc[t.key]);
    if (!config) continue;
    const pct = config[t.percent];
    if (typeof pct === 'number' && !isTenthIn(pct, t.min, 100))
      add(at(t.key, t.percent), t.code, 'error', `"${t.percent}" is a multiple of 0.1 from ${t.min.toFixed(1)} to 100.0 (${t.what}), not ${pct}.`);
    bake(config, t.bake, at(t.key), add);
  }

  if (Array.isArray(dc.lifecycleHooks)) dc.lifecycleHooks.forEach((h, i) => hookRules(h, at('lifecycleHooks', i), strategy, add, template));
  return out;
}

/** linearConfiguration and canaryConfiguration: their strategy, percentage bounds and bake time. */
const TRAFFIC_SHIFT_SETTINGS = [
  { key: 'linearConfiguration', strategy: 'LINEAR', percent: 'stepPercent', min: 3, code: 'linear-step-percent', what: 'the share of production traffic each step moves', bake: 'stepBakeTimeInMinutes' },
  { key: 'canaryConfiguration', strategy: 'CANARY', percent: 'canaryPercent', min: 0.1, code: 'canary-percent', what: 'the share of production traffic the canary gets', bake: 'canaryBakeTimeInMinutes' },
] as const;

type Add = (path: (string | number)[], code: string, severity: StrategySeverity, message: string) => void;

function bake(config: Obj, key: string, path: (string | number)[], add: Add): void {
  const v = config[key];
  if (typeof v === 'number' && !isBakeMinutes(v)) add([...path, key], 'bake-time-range', 'error', `"${key}" is a whole number of minutes from 0 to 1440 (24 hours), not ${v}.`);
}

function loadBalancerRules(service: Obj, strategy: string, strategyPath: (string | number)[], add: Add, template: (v: unknown) => boolean): void {
  const serviceConnect = asObj(service.serviceConnectConfiguration)?.enabled === true;
  const lbs = Array.isArray(service.loadBalancers) ? service.loadBalancers : [];
  if (!lbs.length && !serviceConnect) {
    add(strategyPath, 'strategy-needs-traffic', 'error', `${strategy} shifts traffic between two revisions: add a load balancer whose "advancedConfiguration" names the alternate target group, production listener rule and role, or turn on Service Connect ("serviceConnectConfiguration": { "enabled": true, ... }).`);
    return;
  }
  lbs.forEach((lb, i) => {
    const o = asObj(lb);
    if (!o) return;
    if (o.loadBalancerName !== undefined && o.targetGroupArn === undefined) {
      add(['loadBalancers', i], 'strategy-needs-traffic', 'error', `${strategy} needs an Application or Network Load Balancer target group ("targetGroupArn"): a Classic Load Balancer cannot shift traffic.`);
      return;
    }
    const adv = asObj(o.advancedConfiguration);
    if (!adv) {
      if (!serviceConnect)
        add(['loadBalancers', i], 'strategy-needs-traffic', 'error', `${strategy} needs "advancedConfiguration" on this load balancer: { "alternateTargetGroupArn", "productionListenerRule", "roleArn" } ("testListenerRule" optional), so ECS can move traffic to the new revision's target group.`);
      return;
    }
    const path = ['loadBalancers', i, 'advancedConfiguration'];
    const need: [string, RegExp, string][] = [
      ['alternateTargetGroupArn', TARGET_GROUP, 'the target group the new revision registers in (arn:aws:elasticloadbalancing:region:account:targetgroup/name/id), other than "targetGroupArn"'],
      ['productionListenerRule', LISTENER_OR_RULE, 'the listener rule (ALB) or listener (NLB) that sends production traffic (arn:aws:elasticloadbalancing:region:account:listener-rule/... or listener/...)'],
      ['roleArn', ROLE, 'the IAM role ECS uses to change the listener rules (arn:aws:iam::account:role/name)'],
    ];
    for (const [key, re, what] of need) {
      const v = adv[key];
      if (v === undefined) add(path, 'advanced-configuration-field', 'error', `"advancedConfiguration" needs "${key}": ${what}.`);
      else if (typeof v === 'string' && !template(v) && !re.test(v)) add([...path, key], 'advanced-configuration-field', 'error', `"${key}" must be ${what}.`);
    }
    const test = adv.testListenerRule;
    if (typeof test === 'string' && !template(test) && !LISTENER_OR_RULE.test(test))
      add([...path, 'testListenerRule'], 'advanced-configuration-field', 'error', '"testListenerRule" must be a listener rule (ALB) or listener (NLB) ARN: arn:aws:elasticloadbalancing:region:account:listener-rule/... or listener/....');
    if (typeof adv.alternateTargetGroupArn === 'string' && adv.alternateTargetGroupArn === o.targetGroupArn && !template(adv.alternateTargetGroupArn))
      add([...path, 'alternateTargetGroupArn'], 'advanced-configuration-field', 'error', '"alternateTargetGroupArn" must be a second target group, not the production "targetGroupArn": the new revision registers there before traffic moves.');
  });
}

function hookRules(hook: unknown, path: (string | number)[], strategy: string, add: Add, template: (v: unknown) => boolean): void {
  const h = asObj(hook);
  if (!h) return;
  const type = typeof h.targetType === 'string' ? h.targetType : 'AWS_LAMBDA';
  const stages = Array.isArray(h.lifecycleStages) ? h.lifecycleStages : undefined;
  if (!stages || stages.length === 0)
    add(stages ? [...path, 'lifecycleStages'] : path, 'lifecycle-hook-stages', 'error', `A lifecycle hook needs "lifecycleStages": one or more of ${LIFECYCLE_STAGES.join(', ')}.`);
  (stages ?? []).forEach((s, j) => {
    if (typeof s !== 'string') return;
    if (type === 'PAUSE' && NO_PAUSE_STAGES.has(s))
      add([...path, 'lifecycleStages', j], 'pause-hook-stage', 'error', `A PAUSE hook cannot wait at ${s} (only Lambda hooks run there): pause at ${s === 'TEST_TRAFFIC_SHIFT' ? 'POST_TEST_TRAFFIC_SHIFT' : 'PRE_PRODUCTION_TRAFFIC_SHIFT or POST_PRODUCTION_TRAFFIC_SHIFT'} instead.`);
    else if (!shiftsTraffic(strategy) && TRAFFIC_STAGES.has(s))
      add([...path, 'lifecycleStages', j], 'lifecycle-hook-stage-strategy', 'warning', `A ${strategy} deployment shifts no traffic, so a hook at ${s} never runs: use "strategy" BLUE_GREEN, LINEAR or CANARY, or remove the stage.`);
  });
  if (type === 'AWS_LAMBDA') {
    const target = h.hookTargetArn;
    if (target === undefined) add(path, 'lambda-hook-fields', 'error', 'A Lambda hook needs "hookTargetArn": the function ECS invokes (arn:aws:lambda:region:account:function:name). For a manual approval use "targetType": "PAUSE".');
    else if (typeof target === 'string' && !template(target) && !LAMBDA.test(target)) add([...path, 'hookTargetArn'], 'lambda-hook-fields', 'error', '"hookTargetArn" must be a Lambda function ARN: arn:aws:lambda:region:account:function:name.');
    const role = h.roleArn;
    if (role === undefined) add(path, 'lambda-hook-fields', 'error', 'A Lambda hook needs "roleArn": the IAM role that lets ECS invoke the function (arn:aws:iam::account:role/name).');
    else if (typeof role === 'string' && !template(role) && !ROLE.test(role)) add([...path, 'roleArn'], 'lambda-hook-fields', 'error', '"roleArn" must be an IAM role ARN: arn:aws:iam::account:role/name.');
  } else if (type === 'PAUSE') {
    for (const key of ['hookTargetArn', 'hookDetails'])
      if (h[key] !== undefined) add([...path, key], 'pause-hook-fields', 'warning', `A PAUSE hook does not use "${key}": remove it (the deployment waits for ContinueServiceDeployment or the timeout).`);
  }
}
