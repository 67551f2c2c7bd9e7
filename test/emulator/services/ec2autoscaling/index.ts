/**
 * EC2 Auto Scaling (query protocol): DescribeAutoScalingGroups, what Create Cluster lists to make an
 * ASG capacity provider from. Groups are seeded (seedAutoScalingGroup); nothing launches instances.
 */
import type * as asg from '../../generated/ec2autoscaling';
import { arn } from '../../kit/arn';
import { page } from '../../kit/paging';
import { defineService } from '../../kit/service';
import type { Region } from '../../kit/world';
import { asgState, type GroupRecord } from './state';

export { asgState } from './state';

/** MaxRecords: "The maximum value is 100. If no value is specified, the default value is 50" (API_DescribeAutoScalingGroups.html). */
const PAGE = { def: 50, max: 100, error: 'ValidationError', sizeName: 'MaxRecords' };

/** Filters by `tag-key`, `tag-value` and `tag:<key>` (API_Filter.html); a group matches when every filter has a value it carries. */
function matches(g: GroupRecord, filters: asg.Filter[] | undefined): boolean {
  return (filters ?? []).every((f) => {
    const values = f.Values ?? [];
    const tags = g.Tags ?? [];
    if (f.Name === 'tag-key') return tags.some((t) => values.includes(t.Key ?? ''));
    if (f.Name === 'tag-value') return tags.some((t) => values.includes(t.Value ?? ''));
    if (f.Name?.startsWith('tag:')) return tags.some((t) => t.Key === f.Name!.slice(4) && values.includes(t.Value ?? ''));
    return true;
  });
}

export const ec2AutoScalingService = defineService<asg.Operations>({
  model: 'ec2autoscaling',
  iamPrefix: 'autoscaling',
  validationError: 'ValidationError',
  pageTokens: { error: 'InvalidNextToken', message: 'The token is not valid.' },
  handlers: {
    DescribeAutoScalingGroups: (input, { region }) => {
      const all = asgState(region).groups;
      // Names that match no group are left out, not an error (API_DescribeAutoScalingGroups.html).
      const named = input.AutoScalingGroupNames?.length ? all.filter((g) => input.AutoScalingGroupNames!.includes(g.AutoScalingGroupName)) : all;
      const p = page(named.filter((g) => matches(g, input.Filters)), input.MaxRecords, input.NextToken, PAGE);
      return { AutoScalingGroups: p.items, NextToken: p.next };
    },
  },
});

/** One Auto Scaling group of ECS container instances (seeds). */
export function seedAutoScalingGroup(region: Region, name: string, zones: string[], size: { min: number; max: number; desired: number }, created: Date): GroupRecord {
  const group: GroupRecord = {
    AutoScalingGroupName: name,
    AutoScalingGroupARN: arn('autoscaling', region.name, `autoScalingGroup:${region.core.rnd.uuid()}:autoScalingGroupName/${name}`),
    LaunchTemplate: { LaunchTemplateName: `${name}-lt`, Version: '$Latest' },
    MinSize: size.min,
    MaxSize: size.max,
    DesiredCapacity: size.desired,
    DefaultCooldown: 300,
    AvailabilityZones: zones,
    HealthCheckType: 'EC2',
    HealthCheckGracePeriod: 300,
    CreatedTime: created,
    NewInstancesProtectedFromScaleIn: false,
    Instances: [],
    Tags: [{ Key: 'Name', Value: name, ResourceId: name, ResourceType: 'auto-scaling-group', PropagateAtLaunch: true }],
  };
  asgState(region).groups.push(group);
  return group;
}
