/**
 * *Create Service…*'s load balancer steps: none, an existing target group (its target type must suit
 * the network mode, a load balancer must use it) with a container and port of the task definition,
 * or a new target group and a listener rule on an existing Application Load Balancer, made when the
 * summary is confirmed.
 */
import type { ecs as EcsTypes } from '../../aws/sdk';
import type { AwsScope } from '../../aws/clientManager';
import { containerPorts, targetGroupNameProblem, targetGroupProblem } from '../../deploy/createServiceArgs';
import { ServiceNetwork } from '../../deploy/serviceNetwork';
import { input, pick } from '../../ui/input';
import { pagedPick } from '../../ui/pagedPick';
import type { Step } from '../../ui/steps';
import type { DeployUi } from './context';

export interface NewTargetGroupChoice {
  loadBalancerArn: string;
  loadBalancerName: string;
  listenerArn: string;
  name: string;
  pathPattern: string;
  healthCheckPath: string;
}

export interface LoadBalancerState {
  scope: AwsScope;
  serviceName: string;
  td?: EcsTypes.TaskDefinition;
  vpcId: string;
  lbChoice: 'none' | 'existing' | 'new';
  /** The target group (existing; for a new one its ARN is filled once it is made), container and port. */
  lb?: { targetGroupArn: string; targetGroupName: string; containerName: string; containerPort: number };
  newTargetGroup?: NewTargetGroupChoice;
}

export function loadBalancerSteps<S extends LoadBalancerState>(ui: DeployUi): Step<S>[] {
  const network = (s: S) => new ServiceNetwork(ui.clients, s.scope);
  const isNew = (s: S) => s.lbChoice === 'new';
  return [
    {
      title: 'Load balancer',
      ask: async (view, s) => {
        s.lbChoice = await pick<'none' | 'existing' | 'new'>([
          { label: 'No load balancer', value: 'none' },
          { label: 'Existing target group…', description: 'of an Application or Network Load Balancer', value: 'existing' },
          { label: 'New target group on an Application Load Balancer…', description: 'with a listener rule forwarding a path to it', value: 'new' },
        ], view);
        if (s.lbChoice === 'none') s.lb = undefined;
        if (s.lbChoice !== 'new') s.newTargetGroup = undefined;
      },
    },
    {
      title: 'Target group',
      when: (s) => s.lbChoice === 'existing',
      ask: async (view, s) => {
        const tg = await pagedPick({
          page: async (startToken) => {
            const { items, nextToken } = await network(s).targetGroups({ limit: 100, startToken });
            return { nextToken, items: items.map((t) => ({ label: t.TargetGroupName ?? '', description: `${t.TargetType} · ${t.Protocol ?? ''}:${t.Port ?? ''} · ${t.LoadBalancerArns?.length ? 'in use' : 'no load balancer'}`, value: t })) };
          },
        }, { title: view, emptyMessage: 'This region has no target groups: choose a new one instead.' });
        const problem = targetGroupProblem(s.td ?? {}, tg);
        if (problem) throw new Error(problem);
        s.lb = { targetGroupArn: tg.TargetGroupArn ?? '', targetGroupName: tg.TargetGroupName ?? '', containerName: '', containerPort: 0 };
      },
    },
    {
      title: 'Application Load Balancer',
      when: isNew,
      ask: async (view, s) => {
        const lb = await pagedPick({
          page: async (startToken) => {
            const { items, nextToken } = await network(s).applicationLoadBalancers({ limit: 100, startToken });
            return { nextToken, items: items.map((l) => ({ label: l.LoadBalancerName ?? '', description: `${l.Scheme ?? ''} · ${l.VpcId ?? ''}${s.vpcId && l.VpcId !== s.vpcId ? ' · another VPC' : ''}`, value: l })) };
          },
        }, { title: view, emptyMessage: 'This region has no Application Load Balancer: create one first.' });
        if (s.vpcId && lb.VpcId !== s.vpcId) throw new Error(`Load balancer ${lb.LoadBalancerName} is in ${lb.VpcId}, the service's tasks in ${s.vpcId}: a target group serves one VPC.`);
        s.newTargetGroup = { ...(s.newTargetGroup ?? { listenerArn: '', name: '', pathPattern: '', healthCheckPath: '/' }), loadBalancerArn: lb.LoadBalancerArn ?? '', loadBalancerName: lb.LoadBalancerName ?? '' };
        s.vpcId ||= lb.VpcId ?? '';
      },
    },
    {
      title: (s) => `Listener of ${s.newTargetGroup?.loadBalancerName}`,
      when: isNew,
      ask: async (view, s) => {
        const listeners = await network(s).listeners(s.newTargetGroup!.loadBalancerArn);
        if (!listeners.length) throw new Error(`Load balancer ${s.newTargetGroup!.loadBalancerName} has no listener: add one first.`);
        s.newTargetGroup!.listenerArn = await pick(listeners.map((l) => ({ label: `${l.Protocol}:${l.Port}`, value: l.ListenerArn ?? '' })), view);
      },
    },
    { title: 'New target group name', when: isNew, ask: async (view, s) => void (s.newTargetGroup!.name = await input(view, { value: `${s.serviceName}-tg`.slice(0, 32).replace(/-+$/, ''), validate: targetGroupNameProblem })) },
    { title: 'Path the listener rule forwards', when: isNew, ask: async (view, s) => void (s.newTargetGroup!.pathPattern = await input(view, { value: `/${s.serviceName}/*`, validate: (v) => (/^\S{1,128}$/.test(v) ? undefined : 'A path pattern such as /orders/*') })) },
    { title: 'Health check path', when: isNew, ask: async (view, s) => void (s.newTargetGroup!.healthCheckPath = await input(view, { value: '/', validate: (v) => (v.startsWith('/') ? undefined : 'A path starting with /') })) },
    {
      title: 'Container and port the load balancer sends traffic to',
      when: (s) => s.lbChoice !== 'none',
      ask: async (view, s) => {
        const ports = containerPorts(s.td ?? {});
        if (!ports.length) throw new Error(`Task definition ${s.td?.family}:${s.td?.revision} maps no container port: add a portMapping to reach it through a load balancer.`);
        const chosen = await pick(ports.map((p) => ({ label: `${p.containerName}:${p.containerPort}`, value: p })), view);
        s.lb = { targetGroupArn: s.lb?.targetGroupArn ?? '', targetGroupName: s.lb?.targetGroupName ?? s.newTargetGroup?.name ?? '', ...chosen };
        if (s.newTargetGroup) s.lb.targetGroupName = s.newTargetGroup.name;
      },
    },
  ];
}
