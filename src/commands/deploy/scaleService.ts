import { parseScaleArgs } from '../../deploy/args';
import { integerInput } from '../../ui/input';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';
import { sendUpdate } from './sendUpdate';
import type { Service } from '../../deploy/ecsActions';
import { runSteps } from '../../ui/steps';
import { serviceState, serviceSteps, targetOf, targetOfState, type ServiceState } from './targets';
import { updateResult, type UpdateResult } from './updateService';

interface ScaleState extends ServiceState {
  /** The service as described when the count is asked (its counts shown there). */
  described?: Service;
  desiredCount: number;
}

/** Scale Service: desiredCount alone (no task definition, so no iam:PassRole). */
export async function scaleService(ui: DeployUi, arg: unknown): Promise<Pick<UpdateResult, 'serviceArn' | 'deploymentId' | 'region'> | undefined> {
  if (isArgumentObject(arg)) {
    const { desiredCount, ...ref } = parseScaleArgs(arg);
    const target = targetOf(ui, ref);
    return updateResult(target, await sendUpdate(ui, target, { desiredCount }, { interactive: false, wait: false, verb: 'Scale' }), false);
  }
  const state = await runSteps<ScaleState>('Scale', [
    ...serviceSteps<ScaleState>(ui),
    {
      title: (s) => `Desired count of ${s.service}`,
      ask: async (view, s) => {
        const described = (s.described = await ui.actions(s.scope).describeService(s.cluster, s.service));
        s.desiredCount = await integerInput(view, described.desiredCount, 0, 100000, `Now ${described.desiredCount ?? 0} desired, ${described.runningCount ?? 0} running`);
      },
    },
  ], { ...serviceState(ui, arg), desiredCount: 0 });
  const target = targetOfState(state);
  return updateResult(target, await sendUpdate(ui, target, { desiredCount: state.desiredCount }, { interactive: true, wait: true, verb: 'Scale' }, state.described), false);
}
