import type { Services } from '../../services';
import { registerCommand } from '../../ui/registerCommand';
import { loadScalingActions, type ScalingActions } from './loader';

/** The auto scaling commands (issue 15): ids only at activation, the code (dist/scaling-actions.js) on first use. */
export const SCALING_COMMANDS: Record<string, keyof ScalingActions> = {
  'ecsWorkbench.setScalingCapacity': 'setScalingCapacityCommand',
  'ecsWorkbench.suspendScaling': 'suspendScalingCommand',
  'ecsWorkbench.resumeScaling': 'resumeScalingCommand',
  'ecsWorkbench.putScalingPolicy': 'putScalingPolicyCommand',
  'ecsWorkbench.deleteScalingPolicy': 'deleteScalingPolicyCommand',
  'ecsWorkbench.putScheduledAction': 'putScheduledActionCommand',
  'ecsWorkbench.deleteScheduledAction': 'deleteScheduledActionCommand',
  'ecsWorkbench.showScalingActivities': 'showScalingActivitiesCommand',
};

export function registerScalingCommands(services: Services): void {
  for (const [id, name] of Object.entries(SCALING_COMMANDS)) {
    registerCommand(services, id, async (arg?: unknown) => (await loadScalingActions())[name](services, arg));
  }
}
