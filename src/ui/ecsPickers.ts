/**
 * Pickers of ECS resources that reach every item of a large account: each reads one List page at a
 * time (Load more…), and typing narrows on the server where the API can (task-definition families).
 */
import { resourceName, revisionLabel, shortTaskId } from '../aws/arn';
import type { ClientManager, Scope } from '../aws/clientManager';
import { EcsReader, type Service, type Task } from '../ecs/ecsReader';
import { badgeText, deploymentBadge } from '../ecs/present';
import { ServicesUsingRepository } from '../ecr/servicesUsingRepository';
import { shortImageName } from '../ecr/imageChoice';
import type { Asked } from './steps';
import { pagedPick } from './pagedPick';

const PAGE = 100;

export function pickCluster(clients: ClientManager, scope: Scope, asked: Asked = 'Cluster'): Promise<string> {
  const reader = new EcsReader(clients, scope);
  return pagedPick(
    {
      page: async (startToken) => {
        const { items, nextToken } = await reader.clusters({ limit: PAGE, startToken });
        return { nextToken, items: items.map((c) => ({ label: c.clusterName ?? '', description: `${c.activeServicesCount ?? 0} services · ${c.runningTasksCount ?? 0} running tasks`, value: c.clusterArn ?? c.clusterName ?? '' })) };
      },
    },
    { title: asked, emptyMessage: `There are no ECS clusters in ${clients.resolve(scope).region}.` },
  );
}

/** `2/3 · web:4 · rolling out`, a warning icon first when the rollout fails. */
function serviceDescription(s: Service): string {
  const badge = deploymentBadge(s);
  return `${badge === 'failing' || badge === 'failed' ? '$(warning) ' : ''}${s.runningCount ?? 0}/${s.desiredCount ?? 0} · ${revisionLabel(s.taskDefinition)} · ${badgeText(s)}`;
}

export function pickService(clients: ClientManager, scope: Scope, cluster: string, asked: Asked = 'Service'): Promise<string> {
  const reader = new EcsReader(clients, scope);
  return pagedPick(
    {
      page: async (startToken) => {
        const { items, nextToken } = await reader.services(cluster, { limit: PAGE, startToken });
        return { nextToken, items: items.map((s) => ({ label: s.serviceName ?? '', description: serviceDescription(s), value: s.serviceName ?? '' })) };
      },
    },
    { title: asked, emptyMessage: `Cluster ${resourceName(cluster)} has no services.` },
  );
}

/**
 * A service of any cluster to deploy `imageUri` to: those whose task definition runs an image of
 * its repository first (with that container's image), then the rest, about 100 services a page.
 */
export function pickServiceForImage(clients: ClientManager, scope: Scope, imageUri: string, asked?: Asked): Promise<{ cluster: string; service: string }> {
  const uses = new ServicesUsingRepository(clients, scope, imageUri);
  const repository = shortImageName(imageUri).replace(/[:@].*$/, '');
  return pagedPick(
    {
      page: async (startToken) => {
        const { items, nextToken } = await uses.page(startToken);
        return {
          nextToken,
          items: items.map((u) => ({
            label: u.service.serviceName ?? '',
            description: [u.image ? `$(check) runs ${shortImageName(u.image)}` : '', resourceName(u.cluster), serviceDescription(u.service)].filter(Boolean).join(' · '),
            value: { cluster: u.cluster, service: u.service.serviceName ?? '', uses: Boolean(u.image) },
          })),
        };
      },
    },
    {
      title: asked ?? `Deploy ${shortImageName(imageUri)} to which service?`,
      placeHolder: `Services running ${repository} come first`,
      emptyMessage: `There are no ECS services in ${clients.resolve(scope).region}.`,
      first: (item) => item.value.uses,
    },
  ).then(({ cluster, service }) => ({ cluster, service }));
}

/** A task-definition family with an ACTIVE revision; typing filters by prefix on the server. */
export function pickFamily(clients: ClientManager, scope: Scope, asked: Asked = 'Task definition family'): Promise<string> {
  const reader = new EcsReader(clients, scope);
  return pagedPick(
    {
      serverFilter: true,
      page: async (startToken, filter) => {
        const { items, nextToken } = await reader.taskDefinitionFamilies({ limit: PAGE, startToken }, filter);
        return { nextToken, items: items.map((f) => ({ label: f, value: f })) };
      },
    },
    { title: asked, placeHolder: 'Type the start of a family name', emptyMessage: 'There are no task-definition families with an ACTIVE revision in this region.' },
  );
}

/** An ACTIVE revision of a family, newest first (the latest and the current one marked). */
export function pickRevision(clients: ClientManager, scope: Scope, family: string, current?: string, asked: Asked = `Task definition revision of ${family}`): Promise<string> {
  const reader = new EcsReader(clients, scope);
  let index = 0;
  return pagedPick(
    {
      page: async (startToken) => {
        if (!startToken) index = 0;
        const { items, nextToken } = await reader.taskDefinitionRevisions(family, 'ACTIVE', { limit: PAGE, startToken });
        return {
          nextToken,
          items: items.map((arn) => ({ label: revisionLabel(arn), description: [index++ === 0 ? 'latest' : '', revisionLabel(arn) === revisionLabel(current) ? 'current' : ''].filter(Boolean).join(' · '), value: arn })),
        };
      },
    },
    { title: asked, placeHolder: 'The latest revision is first', emptyMessage: `Family ${family} has no ACTIVE revision.` },
  );
}

/** A running task of a cluster. */
export function pickRunningTask(clients: ClientManager, scope: Scope, cluster: string, asked: Asked = 'Task to stop'): Promise<string> {
  return pickTask(clients, scope, cluster, 'RUNNING', asked).then((t) => t.taskArn ?? '');
}

/** A stopped task of a cluster (ECS keeps them listed for about an hour). */
export function pickStoppedTask(clients: ClientManager, scope: Scope, cluster: string, asked: Asked = 'Stopped task'): Promise<string> {
  return pickTask(clients, scope, cluster, 'STOPPED', asked).then((t) => t.taskArn ?? '');
}

/** A running task of a cluster as DescribeTasks gave it (its containers), each row saying whether ECS Exec is on. */
export function pickRunningTaskForExec(clients: ClientManager, scope: Scope, cluster: string, asked: Asked): Promise<Task> {
  return pickTask(clients, scope, cluster, 'RUNNING', asked, (t) => (t.enableExecuteCommand ? 'ECS Exec on' : 'ECS Exec off'));
}

function pickTask(clients: ClientManager, scope: Scope, cluster: string, desiredStatus: 'RUNNING' | 'STOPPED', asked: Asked, more?: (t: Task) => string): Promise<Task> {
  const reader = new EcsReader(clients, scope);
  return pagedPick(
    {
      page: async (startToken) => {
        const { items, nextToken } = await reader.tasks(cluster, { desiredStatus }, { limit: PAGE, startToken });
        const status = (t: Task) => (desiredStatus === 'STOPPED' ? t.stoppedReason ?? t.lastStatus : t.lastStatus);
        return { nextToken, items: items.map((t) => ({ label: shortTaskId(t.taskArn), description: [revisionLabel(t.taskDefinitionArn), t.group ?? '', status(t), ...(more ? [more(t)] : [])].join(' · '), detail: resourceName(t.taskArn), value: t })) };
      },
    },
    { title: asked, emptyMessage: `Cluster ${resourceName(cluster)} has no ${desiredStatus.toLowerCase()} tasks.` },
  );
}
