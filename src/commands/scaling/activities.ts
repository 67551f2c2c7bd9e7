/** *Show Scaling Activities*: the recent scaling activities of a service with their causes, as a document or a result. */
import { parseActivitiesArgs } from '../../ecs/scalingArgs';
import { readScalingActivities, type ScalingActivity } from '../../ecs/autoScaling';
import type { Services } from '../../services';
import { interactiveTarget } from './target';

export async function showScalingActivitiesCommand(services: Services, arg: unknown): Promise<{ activities: ScalingActivity[] }> {
  const t = await interactiveTarget(services, arg);
  const ref = t ?? parseActivitiesArgs(arg as Record<string, unknown>);
  const result = { activities: await readScalingActivities(services.clientManager, ref, 50) };
  if (t) await services.documents.open(`scaling-activities-${t.service}`, result);
  return result;
}
