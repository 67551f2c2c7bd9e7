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

/** What createTargetGroups made: the primary group, the alternate one for blue/green, the rule. */
export interface CreatedTargetGroups {
  primary: TargetGroup;
  /** The green group of a blue/green, linear or canary service: the rule forwards to it with weight 0. */
  alternate?: TargetGroup;
  ruleArn: string;
}

/** The alternate group's name: the primary's, shortened to fit ELB's 32 characters, with `-alt`. */
export function alternateName(name: string): string {
  return `${name.slice(0, 28).replace(/-+$/, '')}-alt`;
}

/** A part failed after others were made and could not be removed again: named so it can be cleaned up. */
export class PartlyCreatedError extends Error {
  constructor(what: string, left: string[], cause: unknown) {
    super(`${what} failed: ${(cause as Error)?.message ?? cause}. Left behind (delete them, then try again): ${left.join(', ')}.`);
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
   * CreateTargetGroup (HTTP on the container port, its health check path) — two for a blue/green,
   * linear or canary service, as "Application Load Balancer resources for blue/green deployments"
   * asks (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb-resources-for-blue-green.html)
   * — then CreateRule on the listener forwarding `pathPattern` (to the primary, weight 100, and the
   * alternate, weight 0). A failure removes what was made before it.
   */
  async createTargetGroups(n: NewTargetGroup & { alternate?: boolean }): Promise<CreatedTargetGroups> {
    const { sdk, client } = await this.elb();
    const made: TargetGroup[] = [];
    try {
      for (const name of n.alternate ? [n.name, alternateName(n.name)] : [n.name]) {
        const out = await client.send(new sdk.elbv2.CreateTargetGroupCommand({ Name: name, Protocol: 'HTTP', Port: n.port, VpcId: n.vpcId, TargetType: n.targetType, HealthCheckPath: n.healthCheckPath }));
        const tg = out.TargetGroups?.[0];
        if (!tg?.TargetGroupArn) throw new Error('CreateTargetGroup returned no target group.');
        made.push(tg);
      }
      const [primary, alternate] = made;
      const forward = alternate
        ? { Type: 'forward' as const, ForwardConfig: { TargetGroups: [{ TargetGroupArn: primary.TargetGroupArn, Weight: 100 }, { TargetGroupArn: alternate.TargetGroupArn, Weight: 0 }] } }
        : { Type: 'forward' as const, TargetGroupArn: primary.TargetGroupArn };
      const rule = await client.send(new sdk.elbv2.CreateRuleCommand({ ListenerArn: n.listenerArn, Priority: n.priority, Conditions: [{ Field: 'path-pattern', Values: [n.pathPattern] }], Actions: [forward] }));
      return { primary, alternate, ruleArn: rule.Rules?.[0]?.RuleArn ?? '' };
    } catch (error) {
      await this.removeTargetGroups({ groups: made }, 'Creating the target groups and listener rule', error);
      throw error;
    }
  }

  /**
   * Removes a rule and target groups made for a service that was then not created: the rule first
   * (a group a rule forwards to cannot be deleted). With `what`, a removal that fails too is
   * reported as PartlyCreatedError naming what is left.
   */
  async removeTargetGroups(made: { ruleArn?: string; groups: TargetGroup[] }, what?: string, cause?: unknown): Promise<void> {
    const { sdk, client } = await this.elb();
    const left: string[] = [];
    if (made.ruleArn) await client.send(new sdk.elbv2.DeleteRuleCommand({ RuleArn: made.ruleArn })).catch(() => left.push(`listener rule ${made.ruleArn}`));
    for (const tg of made.groups) {
      if (left.length) left.push(`target group ${tg.TargetGroupName}`);
      else await client.send(new sdk.elbv2.DeleteTargetGroupCommand({ TargetGroupArn: tg.TargetGroupArn })).catch(() => left.push(`target group ${tg.TargetGroupName}`));
    }
    if (left.length && what) throw new PartlyCreatedError(what, left, cause);
  }
}
