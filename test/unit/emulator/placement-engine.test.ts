import * as assert from 'assert';
import { nextCapacityProvider, splitTasks } from '../../emulator/services/ecs/sim/capacitySplit';
import { matchesQuery, parseQuery, QueryError, type QueryTarget } from '../../emulator/services/ecs/sim/clusterQuery';
import { closestRejection, placeTask, type PlacementCandidate, type PlacementReason, type TaskNeeds } from '../../emulator/services/ecs/sim/placementEngine';
import { unplaceableEvent } from '../../emulator/services/ecs/sim/scheduler';
import type { InstanceRecord } from '../../emulator/services/ecs/state';

function instance(id: string, o: { az?: string; cpu?: number; memory?: number; groups?: string[]; attrs?: Record<string, string | undefined>; ports?: string[]; enis?: number; agent?: boolean; type?: string } = {}): PlacementCandidate {
  return {
    id,
    arn: `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${id}`,
    free: { cpu: o.cpu ?? 2048, memory: o.memory ?? 7680 },
    portsInUse: new Set(o.ports ?? ['22/tcp']),
    enisFree: o.enis,
    attributes: new Map(Object.entries({ 'ecs.availability-zone': o.az ?? 'us-east-1a', 'ecs.instance-type': o.type ?? 't3.large', 'ecs.os-type': 'linux', 'ecs.capability.task-eni': undefined, ...o.attrs })),
    ec2InstanceId: `i-${id}`,
    agentConnected: o.agent ?? true,
    agentVersion: '1.89.2',
    registeredAt: new Date('2025-01-08T09:00:00Z'),
    runningTasksCount: (o.groups ?? []).length,
    taskGroups: o.groups ?? [],
  };
}

function need(o: Partial<TaskNeeds> = {}): TaskNeeds {
  return { cpu: 256, memory: 512, hostPorts: [], dynamicPorts: 0, eni: false, requiredAttributes: [], group: 'service:web', constraints: [], strategies: [], ...o };
}

const never = (): number => {
  throw new Error('random drawn');
};

const memberOf = (expression: string) => ({ type: 'memberOf' as const, expr: parseQuery(expression) });

describe('emulator: ECS placement engine (pure)', () => {
  it('binpack on memory chooses the fullest instance that still fits; on cpu the one with least CPU left', () => {
    const cands = [instance('a', { memory: 4000 }), instance('b', { memory: 600 }), instance('c', { memory: 500 }), instance('d', { memory: 2000, cpu: 300 })];
    assert.strictEqual(placeTask(cands, need({ strategies: [{ type: 'binpack', field: 'memory' }] }), never).chosen?.id, 'b', 'c has too little memory; b is the fullest that fits');
    assert.strictEqual(placeTask(cands, need({ strategies: [{ type: 'binpack', field: 'cpu' }] }), never).chosen?.id, 'd');
  });

  it('spread on the zone, then on instances: the zone with fewest of the group\'s tasks, then its emptiest instance', () => {
    const cands = [
      instance('a1', { az: 'us-east-1a', groups: ['service:web'] }),
      instance('a2', { az: 'us-east-1a' }),
      instance('b1', { az: 'us-east-1b', groups: ['service:web', 'service:other', 'service:other'] }),
      instance('b2', { az: 'us-east-1b', groups: [] }),
      instance('c1', { az: 'us-east-1c', groups: ['service:web'] }),
    ];
    const spread = need({ strategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }] });
    // Every zone holds one web task: the tie goes to the next strategy, which finds the instances without one.
    assert.strictEqual(placeTask(cands, spread, never).chosen?.id, 'a2');
    cands[1].taskGroups = ['service:web'];
    assert.strictEqual(placeTask(cands, spread, never).chosen?.id, 'b2', 'zone a has two now; b and c one; b2 is empty');
    // Other groups' tasks do not count.
    assert.strictEqual(placeTask([instance('x', { groups: ['service:other', 'service:other'] }), instance('y', { groups: ['service:web'] })], need({ strategies: [{ type: 'spread', field: 'host' }] }), never).chosen?.id, 'x');
  });

  it('spread over a zone counts the tasks on instances that cannot take this one', () => {
    const cands = [instance('a1', { az: 'us-east-1a', memory: 100, groups: ['service:web', 'service:web'] }), instance('a2', { az: 'us-east-1a' }), instance('b1', { az: 'us-east-1b', groups: ['service:web'] })];
    assert.strictEqual(placeTask(cands, need({ strategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] }), never).chosen?.id, 'b1');
  });

  it('random picks among the eligible with the draw given; no strategy takes the first in registration order', () => {
    const cands = [instance('a'), instance('b', { memory: 10 }), instance('c')];
    assert.strictEqual(placeTask(cands, need({ strategies: [{ type: 'random' }] }), () => 0.99).chosen?.id, 'c');
    assert.strictEqual(placeTask(cands, need({ strategies: [{ type: 'random' }] }), () => 0).chosen?.id, 'a');
    assert.strictEqual(placeTask(cands, need(), never).chosen?.id, 'a');
  });

  it('distinctInstance keeps a group to one task an instance', () => {
    const cands = [instance('a', { groups: ['service:web'] }), instance('b', { groups: ['service:api'] })];
    const out = placeTask(cands, need({ constraints: [{ type: 'distinctInstance' }] }), never);
    assert.strictEqual(out.chosen?.id, 'b');
    assert.deepStrictEqual(out.rejected.map((r) => [r.candidate.id, r.reason]), [['a', 'DistinctInstance placement constraint unsatisfied.']]);
  });

  it('memberOf keeps the instances its expression selects, before any strategy', () => {
    const cands = [instance('t2', { type: 't2.micro', memory: 900 }), instance('t3', { type: 't3.large', memory: 600 }), instance('g2', { type: 'g2.2xlarge', az: 'us-east-1d' })];
    const pick = (expression: string) => placeTask(cands, need({ constraints: [memberOf(expression)], strategies: [{ type: 'binpack', field: 'memory' }] }), never).chosen?.id;
    assert.strictEqual(pick('attribute:ecs.instance-type =~ t2.*'), 't2');
    assert.strictEqual(pick('attribute:ecs.instance-type =~ t.*'), 't3', 'binpack among the t instances');
    assert.strictEqual(pick('attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d'), undefined);
    assert.strictEqual(pick('not(attribute:ecs.instance-type in [t2.micro, t3.large])'), 'g2');
  });

  it('each instance reports the first check it fails, with AWS\'s failure reasons', () => {
    const cands = [
      instance('agent', { agent: false }),
      instance('attr', { attrs: { 'ecs.os-type': 'linux' } }),
      instance('cpu', { cpu: 100 }),
      instance('mem', { memory: 100 }),
      instance('port', { ports: ['22/tcp', '80/tcp'] }),
      instance('eni', { enis: 0 }),
      instance('member', { type: 'm5.large' }),
      instance('distinct', { groups: ['service:web'] }),
    ];
    cands[1].attributes = new Map([['ecs.instance-type', 't3.large'], ['ecs.availability-zone', 'us-east-1a']]);
    const out = placeTask(cands, need({
      hostPorts: [{ port: 80, protocol: 'tcp' }], eni: true, requiredAttributes: [{ name: 'ecs.capability.task-eni' }],
      constraints: [memberOf('attribute:ecs.instance-type == t3.large'), { type: 'distinctInstance' }],
    }), never);
    assert.strictEqual(out.chosen, undefined);
    assert.deepStrictEqual(out.rejected.map((r) => `${r.candidate.id} ${r.reason}`), [
      'agent AGENT', 'attr ATTRIBUTE', 'cpu RESOURCE:CPU', 'mem RESOURCE:MEMORY', 'port RESOURCE:PORTS', 'eni RESOURCE:ENI',
      'member MemberOf placement constraint unsatisfied.', 'distinct DistinctInstance placement constraint unsatisfied.',
    ]);
    const closest = closestRejection(out.rejected.map((r) => ({ ...r, free: r.candidate.free })));
    assert.strictEqual(closest?.candidate.id, 'distinct', 'the instance that got furthest through the checks');
  });

  it('host ports: a fixed one in use, or more than 100 on the instance, is RESOURCE:PORTS; udp is its own', () => {
    const busy = instance('a', { ports: Array.from({ length: 99 }, (_, i) => `${30000 + i}/tcp`) });
    assert.strictEqual(placeTask([busy], need({ dynamicPorts: 1 }), never).chosen?.id, 'a');
    assert.strictEqual(placeTask([busy], need({ dynamicPorts: 2 }), never).rejected[0]?.reason, 'RESOURCE:PORTS');
    assert.strictEqual(placeTask([instance('b', { ports: ['53/tcp'] })], need({ hostPorts: [{ port: 53, protocol: 'udp' }] }), never).chosen?.id, 'b');
  });

  it('closest among resource shortages: the one with most of the missing resource', () => {
    const out = placeTask([instance('a', { memory: 100 }), instance('b', { memory: 300 }), instance('c', { memory: 200 })], need(), never);
    assert.strictEqual(closestRejection(out.rejected.map((r) => ({ ...r, free: r.candidate.free })))?.candidate.id, 'b');
  });
});

describe('emulator: ECS cluster query language (pure)', () => {
  const target = (o: Partial<QueryTarget> = {}): QueryTarget => ({
    attributes: new Map<string, string | undefined>([['ecs.instance-type', 't2.small'], ['ecs.availability-zone', 'us-east-1a'], ['stack', 'prod'], ['ecs.capability.task-eni', undefined]]),
    ec2InstanceId: 'i-abcd1234', agentConnected: true, agentVersion: '1.14.4', registeredAt: new Date('2018-02-01T00:00:00Z'), runningTasksCount: 1, taskGroups: ['service:production'], ...o,
  });
  const holds = (expression: string, t = target()): boolean => matchesQuery(parseQuery(expression), t);

  it('evaluates the examples of the cluster query language page', () => {
    assert.ok(holds('attribute:ecs.instance-type == t2.small'));
    assert.ok(holds('attribute:ecs.availability-zone in [us-east-1a, us-east-1b]'));
    assert.ok(holds('attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone != us-east-1d'));
    assert.ok(holds('task:group == service:production'));
    assert.ok(holds('not(task:group == database)'));
    assert.ok(holds('runningTasksCount == 1'));
    assert.ok(holds('agentVersion < 1.14.5'));
    assert.ok(holds('registeredAt < 2018-02-13'));
    assert.ok(holds("ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']"));
  });

  it('operators by name, exists, negations needing the attribute, or, !, precedence with parentheses', () => {
    assert.ok(holds('attribute:ecs.instance-type equals t2.small && attribute:stack not_equals dev'));
    assert.ok(holds('attribute:ecs.capability.task-eni exists'));
    assert.ok(holds('attribute:gpu !exists'));
    assert.ok(!holds('attribute:gpu != yes'), '"!=" lists the instances that have the attribute with another value');
    assert.ok(holds('attribute:stack !~ dev.* || attribute:gpu exists'));
    assert.ok(holds('!attribute:gpu exists'));
    assert.ok(!holds('attribute:stack == dev or attribute:stack == prod and attribute:ecs.instance-type == m5.large'), 'and binds tighter than or');
    assert.ok(holds('(attribute:stack == dev or attribute:stack == prod) and attribute:ecs.instance-type =~ t2\\..*'));
    assert.ok(holds('attribute:ecs.instance-type =~ (t2|t3).small'));
    assert.ok(!holds('attribute:ecs.instance-type =~ t2'), 'a pattern matches the whole value');
    assert.ok(holds('task:group != service:other and task:group exists'));
    assert.ok(holds('agentConnected == true and runningTasksCount >= 1 and runningTasksCount < 2'));
  });

  it('refuses malformed expressions, saying what and where', () => {
    const refusal = (expression: string): string => {
      try {
        parseQuery(expression);
      } catch (e) {
        assert.ok(e instanceof QueryError);
        return e.message;
      }
      throw new Error(`${expression} parsed`);
    };
    assert.strictEqual(refusal('attribute:ecs.instance-type'), 'expected an operator after "attribute:ecs.instance-type" at position 28');
    assert.strictEqual(refusal('instance-type == t2.micro'), 'unknown subject "instance-type" at position 14');
    assert.strictEqual(refusal('attribute:stack in prod'), 'expected an argument list "[a, b]" at position 20');
    assert.strictEqual(refusal('(attribute:stack == prod'), 'expected ")" at position 25');
    assert.strictEqual(refusal('runningTasksCount =~ 1'), '"runningTasksCount" does not take the operator "=~" at position 21');
    assert.strictEqual(refusal('registeredAt < yesterday'), '"yesterday" is not a date (2018-06-18T22:28:28+00:00, 2018-06-18T22:28:28Z, 2018-06-18T22:28:28 or 2018-06-18) at position 25');
    assert.strictEqual(refusal('attribute:a == b and'), 'expected an expression at position 21');
    assert.strictEqual(refusal('attribute:a =~ ('), '"(" is not a valid regular expression at position 17');
  });
});

describe('emulator: Fargate capacity-provider split (pure)', () => {
  it('the base first, then the weights', () => {
    const strategy = [{ capacityProvider: 'FARGATE', base: 2, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 3 }];
    // Beyond the base, every four tasks one on FARGATE and three on FARGATE_SPOT.
    assert.deepStrictEqual(splitTasks(strategy, 10), ['FARGATE', 'FARGATE', 'FARGATE_SPOT', 'FARGATE', 'FARGATE_SPOT', 'FARGATE_SPOT', 'FARGATE_SPOT', 'FARGATE', 'FARGATE_SPOT', 'FARGATE_SPOT']);
    const counts = (list: (string | undefined)[]) => list.reduce<Record<string, number>>((m, p) => ({ ...m, [p!]: (m[p!] ?? 0) + 1 }), {});
    assert.deepStrictEqual(counts(splitTasks(strategy, 102)), { FARGATE: 27, FARGATE_SPOT: 75 }, '2 base, then 100 split 1:3');
  });

  it('equal weights alternate; weight 0 takes only its base; a lone provider takes all', () => {
    assert.deepStrictEqual(splitTasks([{ capacityProvider: 'FARGATE', weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 1 }], 4), ['FARGATE', 'FARGATE_SPOT', 'FARGATE', 'FARGATE_SPOT']);
    assert.deepStrictEqual(splitTasks([{ capacityProvider: 'FARGATE', base: 1, weight: 0 }, { capacityProvider: 'FARGATE_SPOT', weight: 1 }], 3), ['FARGATE', 'FARGATE_SPOT', 'FARGATE_SPOT']);
    assert.deepStrictEqual(splitTasks([{ capacityProvider: 'FARGATE_SPOT' }], 2), ['FARGATE_SPOT', 'FARGATE_SPOT']);
  });

  it('continues from the tasks a service runs already', () => {
    const strategy = [{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 1 }];
    assert.strictEqual(nextCapacityProvider(strategy, new Map([['FARGATE', 3], ['FARGATE_SPOT', 1]])), 'FARGATE_SPOT');
    assert.strictEqual(nextCapacityProvider(strategy, new Map([['FARGATE_SPOT', 5]])), 'FARGATE', 'the base is met first');
  });
});

describe('emulator: the service event of an unplaceable task (pure)', () => {
  const rejected = (reason: PlacementReason) => ({
    rejected: [{ instance: { containerInstanceArn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/0123abcd' } as InstanceRecord, reason, free: { cpu: 0, memory: 0 } }],
  });
  const head = 'was unable to place a task because no container instance met all of its requirements.';
  const tail = 'For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';

  it('names the closest instance and what it lacks, in ECS\'s words', () => {
    const cases: [PlacementReason, string][] = [
      ['RESOURCE:CPU', 'has insufficient CPU units available.'],
      ['RESOURCE:MEMORY', 'has insufficient memory available.'],
      ['RESOURCE:PORTS', 'is already using a port required by your task.'],
      ['AGENT', "doesn't have the agent connected."],
      ['ATTRIBUTE', 'is missing an attribute required by your task.'],
      ['MemberOf placement constraint unsatisfied.', 'encountered error "MemberOf placement constraint unsatisfied.".'],
    ];
    for (const [reason, what] of cases) assert.strictEqual(unplaceableEvent(rejected(reason)), `${head} The closest matching (container-instance 0123abcd) ${what} ${tail}`);
    assert.strictEqual(unplaceableEvent({ rejected: [] }), `${head} Reason: No Container Instances were found in your cluster. ${tail}`);
  });
});
