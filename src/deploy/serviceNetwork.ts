/**
 * What Create Service reads and makes outside ECS: the VPCs, subnets and security groups of EC2
 * (DescribeVpcs / DescribeSubnets / DescribeSecurityGroups, MaxResults 5-1000), the Application Load
 * Balancers, their listeners and target groups (ELBv2, PageSize up to 400), and a new target group with
 * the listener rule that forwards to it.
 */
import type { ClientManager, Scope } from '../aws/clientManager';
import { readPages, type PagedResult, type PageRequest } from '../aws/paging';
import type { ec2 as Ec2Types, elbv2 as ElbTypes } from '../aws/sdk';

export type Vpc = Ec2Types.Vpc;
export type Subnet = Ec2Types.Subnet;
export type SecurityGroup = Ec2Types.SecurityGroup;
export type TargetGroup = ElbTypes.TargetGroup;
export type LoadBalancer = ElbTypes.LoadBalancer;

/** EC2's MaxResults is 5 to 1000. */
const ec2Size = (n: number) => Math.min(1000, Math.max(5, n));

export interface NewTargetGroup {
  name: string;
  port: number;
  vpcId: string;
  /** `ip` for awsvpc tasks, `instance` for bridge and host. */
  targetType: 'ip' | 'instance';
  healthCheckPath: string;
  listenerArn: string;
  pathPattern: string;
  priority: number;
}

/** CreateRule failed after CreateTargetGroup made the group: the group stays, named here. */
export class RuleNotCreatedError extends Error {
  constructor(readonly targetGroupArn: string, cause: unknown) {
    super(`Target group ${targetGroupArn.split('/')[1] ?? targetGroupArn} was created, but the listener rule was not: ${(cause as Error)?.message ?? cause}. Add a rule forwarding to it, or delete it, then try again.`);
  }
}

export class ServiceNetwork {
  constructor(private readonly clients: ClientManager, private readonly scope: Scope) {}

  private ec2() {
    return this.clients.clientWithSdk('ec2', this.scope);
  }

  private elb() {
    return this.clients.clientWithSdk('elbv2', this.scope);
  }

  async vpcs(page: PageRequest): Promise<PagedResult<Vpc>> {
    const { sdk, client } = await this.ec2();
    return readPages(page, 1000, async (NextToken, max) => {
      const out = await client.send(new sdk.ec2.DescribeVpcsCommand({ NextToken, MaxResults: ec2Size(max) }));
      return { items: out.Vpcs, nextToken: out.NextToken };
    });
  }

  async subnets(vpcId: string, page: PageRequest): Promise<PagedResult<Subnet>> {
    const { sdk, client } = await this.ec2();
    return readPages(page, 1000, async (NextToken, max) => {
      const out = await client.send(new sdk.ec2.DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }], NextToken, MaxResults: ec2Size(max) }));
      return { items: out.Subnets, nextToken: out.NextToken };
    });
  }

  async securityGroups(vpcId: string, page: PageRequest): Promise<PagedResult<SecurityGroup>> {
    const { sdk, client } = await this.ec2();
    return readPages(page, 1000, async (NextToken, max) => {
      const out = await client.send(new sdk.ec2.DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }], NextToken, MaxResults: ec2Size(max) }));
      return { items: out.SecurityGroups, nextToken: out.NextToken };
    });
  }

  async targetGroups(page: PageRequest): Promise<PagedResult<TargetGroup>> {
    const { sdk, client } = await this.elb();
    return readPages(page, 400, async (Marker, PageSize) => {
      const out = await client.send(new sdk.elbv2.DescribeTargetGroupsCommand({ Marker, PageSize }));
      return { items: out.TargetGroups, nextToken: out.NextMarker };
    });
  }

  /** Application Load Balancers only: a listener rule forwards by path there. */
  async applicationLoadBalancers(page: PageRequest): Promise<PagedResult<LoadBalancer>> {
    const { sdk, client } = await this.elb();
    const read = await readPages(page, 400, async (Marker, PageSize) => {
      const out = await client.send(new sdk.elbv2.DescribeLoadBalancersCommand({ Marker, PageSize }));
      return { items: out.LoadBalancers, nextToken: out.NextMarker };
    });
    return { ...read, items: read.items.filter((lb) => lb.Type === 'application') };
  }

  async listeners(loadBalancerArn: string): Promise<ElbTypes.Listener[]> {
    const { sdk, client } = await this.elb();
    return (await readPages({}, 400, async (Marker, PageSize) => {
      const out = await client.send(new sdk.elbv2.DescribeListenersCommand({ LoadBalancerArn: loadBalancerArn, Marker, PageSize }));
      return { items: out.Listeners, nextToken: out.NextMarker };
    })).items;
  }

  /** The lowest priority above every rule of the listener (1-50000), for a new rule. */
  async freePriority(listenerArn: string): Promise<number> {
    const { sdk, client } = await this.elb();
    const rules = (await readPages({}, 400, async (Marker, PageSize) => {
      const out = await client.send(new sdk.elbv2.DescribeRulesCommand({ ListenerArn: listenerArn, Marker, PageSize }));
      return { items: out.Rules, nextToken: out.NextMarker };
    })).items;
    const used = rules.map((r) => Number(r.Priority)).filter((n) => Number.isFinite(n));
    return Math.min(50000, (used.length ? Math.max(...used) : 0) + 1);
  }

  /**
   * CreateTargetGroup (HTTP on the container port, its health check path), then CreateRule on the
   * listener forwarding `pathPattern` to it. Both are safe to retry: the same group settings answer
   * the existing group, and a rule's priority cannot be taken twice.
   */
  async createTargetGroupWithRule(n: NewTargetGroup): Promise<TargetGroup> {
    const { sdk, client } = await this.elb();
    const created = await client.send(new sdk.elbv2.CreateTargetGroupCommand({
      Name: n.name, Protocol: 'HTTP', Port: n.port, VpcId: n.vpcId, TargetType: n.targetType, HealthCheckPath: n.healthCheckPath,
    }));
    const tg = created.TargetGroups?.[0];
    if (!tg?.TargetGroupArn) throw new Error('CreateTargetGroup returned no target group.');
    try {
      await client.send(new sdk.elbv2.CreateRuleCommand({
        ListenerArn: n.listenerArn, Priority: n.priority, Conditions: [{ Field: 'path-pattern', Values: [n.pathPattern] }], Actions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }],
      }));
    } catch (error) {
      throw new RuleNotCreatedError(tg.TargetGroupArn, error);
    }
    return tg;
  }
}
