/**
 * What the explorer shows for task-definition families and revisions (plain data, as present.ts):
 * the latest revision, its images, its size, and the services that run the family.
 */
import { resourceName, taskDefinitionParts } from '../aws/arn';
import { code, detailRows } from '../util/markdown';
import type { TaskDefinition } from './ecsReader';
import { plural, when, type Presented } from './present';
import { shortImages } from './shortForms';

/** A service and the revision it runs. */
export interface ServiceUse {
  cluster: string;
  service: string;
  taskDefinition: string;
}

/** The services of a region read for "which services run this family", and how far the read went. */
export interface ServiceScan {
  uses: ServiceUse[];
  /** Clusters whose services were read, and all the region has. */
  clustersRead: number;
  clustersTotal: number;
  /** False when the bound stopped the read before every cluster with services was read. */
  complete: boolean;
}

export function servicesOfFamily(scan: ServiceScan, family: string): ServiceUse[] {
  return scan.uses.filter((u) => taskDefinitionParts(u.taskDefinition).family === family);
}

/** `0.25 vCPU · 512 MiB`: the task's size, else the sum of its containers' (EC2 task definitions may set only those). */
export function sizeText(td: TaskDefinition): string | undefined {
  const sum = (pick: (c: NonNullable<TaskDefinition['containerDefinitions']>[number]) => number | undefined) =>
    (td.containerDefinitions ?? []).reduce((total, c) => total + (pick(c) ?? 0), 0) || undefined;
  const cpu = td.cpu ? Number(td.cpu) : sum((c) => c.cpu);
  const memory = td.memory ? Number(td.memory) : sum((c) => c.memory ?? c.memoryReservation);
  if (!cpu && !memory) return undefined;
  return [cpu ? `${cpu / 1024} vCPU` : '', memory ? `${memory} MiB` : ''].filter(Boolean).join(' · ');
}

function imagesOf(td: TaskDefinition | undefined): { name?: string; image?: string }[] {
  return td?.containerDefinitions ?? [];
}

function imageRows(td: TaskDefinition | undefined): [string, ReturnType<typeof code>][] {
  return (td?.containerDefinitions ?? []).map((c) => [`Image of ${c.name}`, code(c.image)]);
}

function servicesText(uses: ServiceUse[]): string {
  const shown = uses.slice(0, 10).map((u) => `${u.service} (${resourceName(u.cluster)}, :${taskDefinitionParts(u.taskDefinition).revision ?? '?'})`);
  return uses.length > shown.length ? `${shown.join(', ')} and ${uses.length - shown.length} more` : shown.join(', ');
}

/**
 * A family: its latest revision, that revision's images and size, and the services running any of
 * its revisions. `latest` and `scan` are read lazily (on expand or hover); until then the row is the name.
 */
export function presentFamily(family: string, status: 'ACTIVE' | 'INACTIVE', latest: TaskDefinition | undefined, scan: ServiceScan | undefined): Presented {
  const uses = scan ? servicesOfFamily(scan, family) : undefined;
  const usesCount = uses ? `${plural(uses.length, 'service')}${scan!.complete ? '' : '+'}` : '';
  const note = scan && !scan.complete ? `\n\n*Services read in ${scan.clustersRead} of ${scan.clustersTotal} clusters (the first by name); others are not counted.*` : '';
  return {
    label: family,
    description: [latest?.revision !== undefined ? `:${latest.revision}` : '', shortImages(imagesOf(latest)), uses && (uses.length || !scan!.complete) ? usesCount : ''].filter(Boolean).join(' · '),
    details:
      detailRows([
        ['Family', family],
        ['Latest revision', latest?.revision !== undefined ? `${family}:${latest.revision}` : undefined],
        ['Registered', latest?.registeredAt ? when(latest.registeredAt) : undefined],
        ...imageRows(latest),
        ['CPU / memory', latest ? sizeText(latest) : undefined],
        ['Network mode', latest?.networkMode],
        ['Requires', latest?.requiresCompatibilities?.join(', ')],
        ['Services', uses ? servicesText(uses) || 'none' : undefined],
      ]) + note,
    state: status === 'ACTIVE' ? 'ok' : 'inactive',
  };
}

/** A revision: registration date and image (ListTaskDefinitions gives the ARN only: `td` is its describe, when read). */
export function presentRevision(arn: string, status: 'ACTIVE' | 'INACTIVE', td: TaskDefinition | undefined): Presented {
  return {
    label: resourceName(arn),
    description: td ? [td.registeredAt?.toISOString().slice(0, 10), shortImages(imagesOf(td))].filter(Boolean).join(' · ') : status,
    details: detailRows([
      ['Revision', resourceName(arn)],
      ['Status', status],
      ['Registered', td?.registeredAt ? when(td.registeredAt) : undefined],
      ['Registered by', td?.registeredBy],
      ['Deregistered', td?.deregisteredAt ? when(td.deregisteredAt) : undefined],
      ...imageRows(td),
      ['CPU / memory', td ? sizeText(td) : undefined],
      ['ARN', code(arn)],
    ]),
    state: status === 'ACTIVE' ? 'ok' : 'inactive',
  };
}
