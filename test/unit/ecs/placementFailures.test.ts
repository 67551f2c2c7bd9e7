import * as assert from 'assert';
import { describePlacementFailures, runTaskOutcome } from '../../../src/ecs/placementFailures';

const instance = (id: string) => `arn:aws:ecs:us-east-1:123456789012:container-instance/demo-ec2/${id}`;

describe('placement failures as the user reads them', () => {
  it('counts container instances per reason, not tasks: one task three instances could not take', () => {
    const failures = ['a', 'b', 'c'].map((id) => ({ arn: instance(id), reason: 'RESOURCE:MEMORY' }));
    assert.strictEqual(runTaskOutcome(1, 0, failures), 'No task started (1 asked for). Not placed: RESOURCE:MEMORY on 3 container instances (the task needs more memory than it has free).');
  });

  it('names each reason once, with its meaning from AWS\'s list, and says how many of those asked for started', () => {
    const failures = [
      { arn: instance('a'), reason: 'DistinctInstance placement constraint unsatisfied.' },
      { arn: instance('b'), reason: 'RESOURCE:PORTS' },
      { arn: instance('c'), reason: 'DistinctInstance placement constraint unsatisfied.' },
    ];
    assert.strictEqual(
      describePlacementFailures(failures),
      'DistinctInstance placement constraint unsatisfied on 2 container instances (a task of the same group already runs there (distinctInstance)); RESOURCE:PORTS on 1 container instance (a host port the task uses is taken)',
    );
    assert.match(runTaskOutcome(3, 1, failures), /^1 of 3 tasks started\. Not placed: /);
    assert.strictEqual(runTaskOutcome(2, 2, []), '2 of 2 tasks started.');
  });

  it('keeps a reason it does not know as AWS wrote it', () => {
    assert.strictEqual(describePlacementFailures([{ arn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/x:1', reason: 'Capacity is unavailable at this time.' }]), 'Capacity is unavailable at this time');
  });
});
