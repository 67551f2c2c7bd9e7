/**
 * A service's deployment history and what acts on a deployment under way: DescribeServiceRevisions,
 * StopServiceDeployment (ROLLBACK, ABORT) and ContinueServiceDeployment (a PAUSE lifecycle hook).
 *
 * StopServiceDeployment: "You can stop a deployment that is in any of the following states": PENDING
 * and IN_PROGRESS (they move to ROLLBACK_REQUESTED and roll back), STOP_REQUESTED ("continues to
 * stop"), ROLLBACK_REQUESTED and ROLLBACK_IN_PROGRESS ("continues the rollback operation")
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stop-service-deployment.html); any other
 * status is refused with ConflictException (one of the operation's modelled errors; the wording is
 * ours). ABORT is only listed as a value (API_StopServiceDeployment.html): the emulator takes it from
 * PENDING / IN_PROGRESS (STOP_REQUESTED, then STOPPED), goes on with one already stopping, and refuses
 * it during a rollback.
 */
import type * as ecs from '../../generated/ecs';
import { AwsError } from '../../kit/errors';
import type { Region } from '../../kit/world';
import { bad, describeBatch, EcsHandlers, limit } from './common';
import { ecsSim } from './sim/index';
import { ecsState, type ServiceDeploymentEntry, type ServiceRecord, type ShiftRun } from './state';

const UNDER_WAY = new Set(['PENDING', 'IN_PROGRESS']);
const ROLLING_BACK = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS']);

/** The service and history entry of a service deployment ARN (`.../service-deployment/cluster/service/id`). */
export function findServiceDeployment(region: Region, deploymentArn: string): { svc: ServiceRecord; entry: ServiceDeploymentEntry } | undefined {
  const state = ecsState(region);
  const parts = deploymentArn.split(':').slice(5).join(':').split('/');
  const svc = parts[0] === 'service-deployment' ? state.servicesOf(parts[1] ?? '').get(parts[2] ?? '') : undefined;
  const entry = svc && state.serviceExtras.get(svc)?.serviceDeployments.find((x) => x.record.serviceDeploymentArn === deploymentArn);
  return svc && entry ? { svc, entry } : undefined;
}

function serviceDeployment(region: Region, deploymentArn: string): { svc: ServiceRecord; entry: ServiceDeploymentEntry } {
  const found = findServiceDeployment(region, deploymentArn);
  if (!found) {
    throw new AwsError('ServiceDeploymentNotFoundException', 'The service deployment does not exist.');
  }
  return found;
}

function conflict(status: string, what: string): AwsError {
  return new AwsError('ConflictException', `The service deployment is ${status} and cannot be ${what}.`);
}

export const serviceDeploymentHandlers: EcsHandlers<'DescribeServiceRevisions' | 'StopServiceDeployment' | 'ContinueServiceDeployment'> = {
  DescribeServiceRevisions: (input, { region }) => {
    limit(input.serviceRevisionArns, 20, 'serviceRevisionArns');
    const revisions = ecsState(region).serviceRevisions;
    const r = describeBatch(input.serviceRevisionArns, (a) => revisions.get(a), (rev) => rev, (a) => a);
    return { serviceRevisions: r.found, failures: r.failures };
  },

  StopServiceDeployment: (input, { region }) => {
    const { svc, entry } = serviceDeployment(region, input.serviceDeploymentArn);
    const stopType = input.stopType ?? 'ROLLBACK';
    const status = entry.record.status;
    const sim = ecsSim(region);
    if (status === 'STOP_REQUESTED' || (stopType === 'ROLLBACK' && ROLLING_BACK.has(status))) {
      return { serviceDeploymentArn: entry.record.serviceDeploymentArn };
    }
    if (!UNDER_WAY.has(status)) {
      throw conflict(status, stopType === 'ABORT' ? 'aborted' : 'rolled back');
    }
    if (entry.run) {
      const reason = stopType === 'ABORT' ? 'Service deployment stopped by request (ABORT).' : 'Service deployment rolled back by request (StopServiceDeployment ROLLBACK).';
      if (!entry.run.blueId && stopType === 'ROLLBACK') {
        throw conflict(status, 'rolled back: there is no previous service revision');
      }
      sim.shifts.rollback(svc, entry as ServiceDeploymentEntry & { run: ShiftRun }, reason, stopType === 'ABORT' ? 'abort' : 'requested');
    } else {
      if (stopType === 'ROLLBACK' && !ecsState(region).serviceExtras.of(svc).lastCompleted) {
        throw conflict(status, 'rolled back: there is no previous service revision');
      }
      sim.deployments.stopRolling(svc, entry, stopType);
    }
    return { serviceDeploymentArn: entry.record.serviceDeploymentArn };
  },

  // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContinueServiceDeployment.html: acts on a
  // paused lifecycle hook (its hookId from lifecycleHookDetails); action CONTINUE (the default) or ROLLBACK.
  ContinueServiceDeployment: (input: ecs.ContinueServiceDeploymentRequest, { region }) => {
    const { svc, entry } = serviceDeployment(region, input.serviceDeploymentArn);
    const hook = entry.run?.pastHooks.find((h) => h.detail.hookId === input.hookId);
    if (!hook) {
      throw bad(`Lifecycle hook ${input.hookId} was not found in the service deployment.`);
    }
    if (hook.detail.status !== 'AWAITING_ACTION' || entry.record.status !== 'IN_PROGRESS') {
      throw bad(`Lifecycle hook ${input.hookId} is ${hook.detail.status}, not AWAITING_ACTION.`);
    }
    ecsSim(region).shifts.continueHook(svc, entry as ServiceDeploymentEntry & { run: ShiftRun }, hook, input.action ?? 'CONTINUE');
    return { serviceDeploymentArn: entry.record.serviceDeploymentArn };
  },
};
