/** *Set Min/Max Capacity…*, *Suspend Scaling*, *Resume Scaling*: RegisterScalableTarget of a service's desired count. */
import { readServiceScaling } from '../../ecs/autoScaling';
import { parseCapacityArgs, parseSuspendArgs, type SuspendArgs } from '../../ecs/scalingArgs';
import { setScalingCapacity, setScalingSuspended, type CapacityResult, type SuspendResult } from '../../ecs/scalingWrites';
import type { Services } from '../../services';
import { integerInput, pickMany } from '../../ui/input';
import { runSteps } from '../../ui/steps';
import { confirmScaling, scalingCommand } from './target';

export function setScalingCapacityCommand(services: Services, arg: unknown): Promise<CapacityResult> {
  return scalingCommand(services, arg, parseCapacityArgs, (a) => setScalingCapacity(services.clientManager, a), async (t) => {
    const current = (await readServiceScaling(services.clientManager, t.scope, t.cluster, t.service)).target;
    const answers = await runSteps<{ min?: number; max?: number }>('Set Scaling Capacity', [
      { title: 'Minimum tasks', ask: async (view, s) => void (s.min = await integerInput(view, current?.MinCapacity ?? 1, 0, 100000, 'Auto scaling never sets the desired count below this.')) },
      { title: 'Maximum tasks', ask: async (view, s) => void (s.max = await integerInput(view, Math.max(current?.MaxCapacity ?? 4, s.min ?? 0), s.min ?? 0, 100000, 'Auto scaling never sets the desired count above this.')) },
    ], {});
    const a = parseCapacityArgs({ cluster: t.cluster, service: t.service, minCapacity: answers.min, maxCapacity: answers.max });
    await confirmScaling(services, t, `Set auto scaling to ${a.minCapacity}–${a.maxCapacity} tasks`, 'A desired count outside the range is moved into it now (RegisterScalableTarget).', 'Set Capacity');
    return { args: a, message: () => `${t.service}: auto scaling between ${a.minCapacity} and ${a.maxCapacity} tasks.` };
  });
}

const KINDS = [
  { label: 'Scale-out by policies', value: 'dynamicScalingOut' as const },
  { label: 'Scale-in by policies', value: 'dynamicScalingIn' as const },
  { label: 'Scheduled actions', value: 'scheduledScaling' as const },
];

function suspendOrResume(services: Services, arg: unknown, suspend: boolean): Promise<SuspendResult> {
  const command = suspend ? 'suspendScaling' : 'resumeScaling';
  return scalingCommand(services, arg, (x) => parseSuspendArgs(command, x), (a) => setScalingSuspended(services.clientManager, a, suspend), async (t) => {
    const picked = await pickMany(KINDS, suspend ? 'Suspend Scaling: what stops' : 'Resume Scaling: what starts again');
    const a: SuspendArgs = { ...t, dynamicScalingIn: picked.includes('dynamicScalingIn'), dynamicScalingOut: picked.includes('dynamicScalingOut'), scheduledScaling: picked.includes('scheduledScaling') };
    const names = KINDS.filter((k) => picked.includes(k.value)).map((k) => k.label.toLowerCase()).join(', ');
    if (suspend) await confirmScaling(services, t, `Suspend ${names}`, 'The desired count stays where it is until scaling is resumed.', 'Suspend');
    return { args: a, message: () => `${t.service}: ${names} ${suspend ? 'suspended' : 'resumed'}.` };
  });
}

export const suspendScalingCommand = (services: Services, arg: unknown): Promise<SuspendResult> => suspendOrResume(services, arg, true);
export const resumeScalingCommand = (services: Services, arg: unknown): Promise<SuspendResult> => suspendOrResume(services, arg, false);
