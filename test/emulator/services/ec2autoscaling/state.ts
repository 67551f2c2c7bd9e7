/** EC2 Auto Scaling state per region: the Auto Scaling groups an ECS capacity provider can be made from. */
import type * as asg from '../../generated/ec2autoscaling';
import { perRegion } from '../../kit/world';

export type GroupRecord = asg.AutoScalingGroup & { AutoScalingGroupName: string; AutoScalingGroupARN: string };

export class AsgState {
  readonly groups: GroupRecord[] = [];

  group(nameOrArn: string): GroupRecord | undefined {
    return this.groups.find((g) => g.AutoScalingGroupName === nameOrArn || g.AutoScalingGroupARN === nameOrArn);
  }
}

export const asgState = perRegion('ec2autoscaling', () => new AsgState());
