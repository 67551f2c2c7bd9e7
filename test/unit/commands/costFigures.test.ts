/**
 * How the surfaces word a cost: the service tooltip's rows, the service page's line, the Update
 * Service / Scale confirmation's lines and the lens's brief problem, over the real cost model with
 * us-east-1's rates as the bundled snapshot holds them (AWS's Fargate pricing page, US East
 * (N. Virginia), Linux/x86: $0.04048 per vCPU-hour and $0.004445 per GB-hour; 730 h a month).
 * 0.5 vCPU / 1 GB: (0.5 × 0.04048 + 0.004445) × 730 = $18.02005 a month; 1 vCPU / 2 GB: $36.0401.
 */
import * as assert from 'assert';
import { costChangeLines } from '../../../src/commands/deploy/costChange';
import { briefProblem, perTaskMonthly, serviceCostRows, serviceCostView } from '../../../src/commands/metrics/costFigures';
import { describeSource, estimateFargate, estimateService, formatUsd, taskShapeOf } from '../../../src/cost/estimate';
import type { ServiceCostEstimate } from '../../../src/cost/estimator';
import { snapshotPrices } from '../../../src/cost/snapshot';
import type { CapacityProviderName, PricedRegion, TaskShape } from '../../../src/cost/types';
import type { ServiceCostView } from '../../../src/metrics/model';

const format = { formatUsd, describeSource };
const figureOf = (view: ServiceCostView) => ('figure' in view ? view.figure : view.problem);
const definition = (cpu: string, memory: string) => ({ family: 'api', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu, memory, containerDefinitions: [{ name: 'api', image: 'nginx:1.27' }] });

function shapeOf(cpu: string, memory: string): TaskShape {
  const shape = taskShapeOf(definition(cpu, memory));
  if ('problem' in shape) assert.fail(shape.problem);
  return shape;
}

describe('cost figures as the surfaces word them (us-east-1, snapshot)', () => {
  let useast1: PricedRegion;
  let source: string;
  before(() => {
    useast1 = snapshotPrices('us-east-1')!;
    source = `bundled price snapshot of ${useast1.asOf.slice(0, 10)}`;
  });

  /** A service of `count` tasks of the given size, as the estimator prices it. */
  function service(cpu: string, memory: string, count: number, scaling?: { min: number; max: number }, capacityProvider: CapacityProviderName = 'FARGATE'): ServiceCostEstimate {
    const shape = shapeOf(cpu, memory);
    return { ...estimateService(estimateFargate(shape, useast1, 1, capacityProvider), count, scaling), shape, text: '' };
  }

  it('a service: its month for the desired count, tasks × the per-task month, the auto-scaling range, the source', () => {
    const view = serviceCostView(format, service('512', '1024', 3, { min: 2, max: 10 }));
    assert.deepStrictEqual(view, { figure: '≈ $54.06/month (3 tasks × $18.02)', range: '2–10 tasks: $36.04–$180.20/month', source, notes: [] });
    assert.deepStrictEqual(serviceCostRows(view), [
      ['Cost', `≈ $54.06/month (3 tasks × $18.02) · ${source}`],
      ['Cost with auto scaling', '2–10 tasks: $36.04–$180.20/month'],
    ]);
  });

  it('a service scaled to zero still says what one task costs; one task is "1 task"', () => {
    const none = service('512', '1024', 0);
    assert.strictEqual(perTaskMonthly(none.desired).toFixed(5), '18.02005');
    assert.strictEqual(figureOf(serviceCostView(format, none)), '≈ $0.00/month (0 tasks × $18.02)');
    assert.strictEqual(figureOf(serviceCostView(format, service('1024', '2048', 1))), '≈ $36.04/month (1 task × $36.04)');
  });

  it('notes (Spot at the on-demand price) become rows of their own; a service that cannot be priced says why', () => {
    const rows = serviceCostRows(serviceCostView(format, service('512', '1024', 2, undefined, 'FARGATE_SPOT')));
    assert.strictEqual(rows[0][0], 'Cost');
    assert.match(rows[1][1], /^Fargate Spot runs on spare capacity/);
    assert.strictEqual(rows[1][0], 'Cost note');
    assert.deepStrictEqual(serviceCostRows({ problem: 'Service web names no task definition.' }), [['Cost', 'not estimated: Service web names no task definition.']]);
  });

  it('Scale 3 → 5: two more tasks of $18.02, +$36.04 a month', () => {
    assert.deepStrictEqual(costChangeLines(format, service('512', '1024', 3), service('512', '1024', 5)), ['3 → 5 tasks: +$36.04/month', `Prices: ${source}, us-east-1.`]);
    assert.deepStrictEqual(costChangeLines(format, service('512', '1024', 3), service('512', '1024', 1)), ['3 → 1 task: -$36.04/month', `Prices: ${source}, us-east-1.`]);
  });

  it('a revision with twice the cpu and memory: the per-task difference, then the service\'s (also with a new count)', () => {
    assert.deepStrictEqual(costChangeLines(format, service('512', '1024', 3), service('1024', '2048', 3)), [
      'Per task: $18.02 → $36.04/month (+$18.02)',
      '3 tasks: $54.06 → $108.12/month (+$54.06)',
      `Prices: ${source}, us-east-1.`,
    ]);
    assert.deepStrictEqual(costChangeLines(format, service('512', '1024', 3), service('1024', '2048', 5)).slice(0, 2), [
      'Per task: $18.02 → $36.04/month (+$18.02)',
      '3 → 5 tasks: $54.06 → $180.20/month (+$126.14)',
    ]);
  });

  it('a change that moves no price (a revision of the same size) adds no cost lines', () => {
    assert.deepStrictEqual(costChangeLines(format, service('512', '1024', 3), service('0.5 vCPU', '1 GB', 3)), []);
  });

  it('the lens says briefly what keeps a definition from being priced', () => {
    const problem = (size: { cpu?: string }) => {
      const shape = taskShapeOf({ family: 'api', requiresCompatibilities: ['FARGATE'], containerDefinitions: [{ name: 'api', image: 'nginx:1.27' }], ...size });
      return 'problem' in shape ? shape.problem : assert.fail('expected a problem');
    };
    assert.strictEqual(briefProblem(problem({})), 'add task-level "cpu" and "memory"');
    assert.strictEqual(briefProblem(problem({ cpu: '1024' })), 'add task-level "memory"');
    assert.strictEqual(briefProblem('No prices for eu-west-1: the AWS Price List could not be read (offline) and the bundled snapshot does not list the region.'), 'No prices for eu-west-1');
    assert.strictEqual(briefProblem(`${'x'.repeat(80)}.`), `${'x'.repeat(59)}…`);
  });
});
