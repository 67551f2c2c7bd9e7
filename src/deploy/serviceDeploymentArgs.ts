/**
 * The argument objects of the service-deployment actions (roll back, stop, continue a paused hook),
 * checked before anything is sent.
 */
import { readArgs } from '../util/args';
import type { ServiceRef } from './args';

type Arg = Record<string, unknown>;

export interface RollbackArgs extends ServiceRef {
  serviceDeploymentArn?: string;
  wait: boolean;
}

export function parseRollbackArgs(arg: Arg): RollbackArgs {
  const r = readArgs('rollbackDeployment', '{ cluster, service, serviceDeploymentArn?, wait? }', arg, ['cluster', 'service', 'serviceDeploymentArn', 'wait']);
  return { cluster: r.string('cluster'), service: r.string('service'), serviceDeploymentArn: r.string('serviceDeploymentArn', true), wait: r.bool('wait') ?? false, scope: r.scope() };
}

export interface StopDeploymentArgs extends ServiceRef {
  serviceDeploymentArn?: string;
}

export function parseStopDeploymentArgs(arg: Arg): StopDeploymentArgs {
  const r = readArgs('stopServiceDeployment', '{ cluster, service, serviceDeploymentArn? }', arg, ['cluster', 'service', 'serviceDeploymentArn']);
  return { cluster: r.string('cluster'), service: r.string('service'), serviceDeploymentArn: r.string('serviceDeploymentArn', true), scope: r.scope() };
}

export interface ContinueArgs extends ServiceRef {
  hookId?: string;
  action: 'CONTINUE' | 'ROLLBACK';
  wait: boolean;
}

export function parseContinueArgs(arg: Arg): ContinueArgs {
  const r = readArgs('continueDeployment', "{ cluster, service, hookId?, action?: 'CONTINUE' | 'ROLLBACK', wait? }", arg, ['cluster', 'service', 'hookId', 'action', 'wait']);
  return {
    cluster: r.string('cluster'),
    service: r.string('service'),
    hookId: r.string('hookId', true),
    action: r.oneOf('action', ['CONTINUE', 'ROLLBACK'] as const) ?? 'CONTINUE',
    wait: r.bool('wait') ?? false,
    scope: r.scope(),
  };
}
