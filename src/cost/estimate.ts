/**
 * The cost model: a task definition's billed shape and what it costs with a region's prices, per
 * AWS's Fargate pricing (https://aws.amazon.com/fargate/pricing/): per vCPU-hour and per GB-hour by
 * platform, the Windows OS licence per vCPU-hour, ephemeral storage above the free 20 GiB per
 * GB-hour; a month is 730 hours. Pure functions over plain data.
 */
import { FREE_EPHEMERAL_STORAGE_GIB, platformLabel } from './taskShape';
import { HOURS_PER_MONTH, type CapacityProviderName, type CostEstimate, type FargateRates, type PricedRegion, type TaskShape } from './types';

export { taskShapeOf, platformLabel } from './taskShape';

/** A figure the model cannot give, with what to do (the region has no such price, the shape is not billable…). */
export class CostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CostError';
  }
}

/** "up to a 70% discount off the regular Fargate price" (https://aws.amazon.com/fargate/pricing/, Fargate Spot Pricing for Amazon ECS). */
export const SPOT_VARIES_NOTE = 'Fargate Spot runs on spare capacity at a price that varies (AWS: up to 70 % off the on-demand price); the Price List gives no Spot figure here, so this is the on-demand price.';

interface PlatformRates {
  vcpu: number;
  gb: number;
  os: number;
  spot: boolean;
}

function platformRates(shape: TaskShape, r: FargateRates, region: string, capacityProvider: CapacityProviderName): PlatformRates {
  if (capacityProvider === 'FARGATE_SPOT' && (shape.os === 'windows' || shape.architecture === 'arm64')) {
    throw new CostError(`Fargate Spot runs Linux tasks on X86_64 only, not ${platformLabel(shape)} ones (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html): price it on FARGATE.`);
  }
  const missing = (what: string) => new CostError(`No Fargate ${what} price for ${region}: Fargate may not offer it there (see https://aws.amazon.com/fargate/pricing/).`);
  if (shape.os === 'windows') {
    if (r.windowsVcpuHour === undefined || r.windowsGbHour === undefined || r.windowsOsVcpuHour === undefined) throw missing('Windows');
    return { vcpu: r.windowsVcpuHour, gb: r.windowsGbHour, os: r.windowsOsVcpuHour, spot: false };
  }
  if (shape.architecture === 'arm64') {
    if (r.armVcpuHour === undefined || r.armGbHour === undefined) throw missing('Linux/ARM');
    return { vcpu: r.armVcpuHour, gb: r.armGbHour, os: 0, spot: false };
  }
  if (capacityProvider === 'FARGATE_SPOT' && r.spotVcpuHour !== undefined && r.spotGbHour !== undefined) {
    return { vcpu: r.spotVcpuHour, gb: r.spotGbHour, os: 0, spot: true };
  }
  return { vcpu: r.vcpuHour, gb: r.gbHour, os: 0, spot: false };
}

/** `count` tasks of `shape` on Fargate (or FARGATE_SPOT) with `priced`'s rates. */
export function estimateFargate(shape: TaskShape, priced: PricedRegion, count = 1, capacityProvider: CapacityProviderName = 'FARGATE'): CostEstimate {
  const { region, fargate } = priced.prices;
  const rates = platformRates(shape, fargate, region, capacityProvider);
  const notes: string[] = [];
  if (capacityProvider === 'FARGATE_SPOT') {
    notes.push(rates.spot ? `Fargate Spot prices vary with spare capacity: this is the Price List's Spot figure as of ${priced.asOf}.` : SPOT_VARIES_NOTE);
  }
  const billedStorage = Math.max(0, shape.ephemeralStorageGb - FREE_EPHEMERAL_STORAGE_GIB);
  let storageHourly = 0;
  if (billedStorage > 0) {
    if (fargate.ephemeralStorageGbHour === undefined) notes.push(`No ephemeral storage price for ${region}: the ${billedStorage} GiB above the free ${FREE_EPHEMERAL_STORAGE_GIB} GiB are not counted.`);
    else storageHourly = billedStorage * fargate.ephemeralStorageGbHour;
  }
  const perTask = { vcpuHourly: shape.vcpu * rates.vcpu, memoryHourly: shape.memoryGb * rates.gb, storageHourly, osHourly: shape.vcpu * rates.os };
  const hourly = (perTask.vcpuHourly + perTask.memoryHourly + perTask.storageHourly + perTask.osHourly) * count;
  const estimate: CostEstimate = { currency: 'USD', hourly, monthly: hourly * HOURS_PER_MONTH, count, perTask, region, capacityProvider, source: priced.source, asOf: priced.asOf, notes };
  if (rates.spot) estimate.spotFigure = true;
  return estimate;
}

/** The same estimate for `count` tasks (a service's desired count, its scaling bounds). */
export function withCount(estimate: CostEstimate, count: number): CostEstimate {
  const perTaskHourly = estimate.count ? estimate.hourly / estimate.count : 0;
  const hourly = perTaskHourly * count;
  return { ...estimate, count, hourly, monthly: hourly * HOURS_PER_MONTH };
}

/** `$36.04`, `$1,234.50`; amounts under a cent keep their first significant digits (`$0.0049`). */
export function formatUsd(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  if (abs > 0 && abs < 0.01) return `${sign}$${abs.toPrecision(2)}`;
  return `${sign}$${abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A unit price as AWS lists it, to four significant digits: `$0.0832`, `$0.04048`, `$0.000111`. */
export function formatRate(amount: number): string {
  return `$${Number(amount.toPrecision(4))}`;
}

function rateLabel(estimate: CostEstimate): string {
  if (estimate.capacityProvider === 'EC2') return 'EC2 share (estimate)';
  if (estimate.capacityProvider === 'FARGATE_SPOT') return estimate.spotFigure ? 'Spot' : 'Spot at the on-demand price';
  return 'on-demand';
}

/** "Price List, 2025-01-15" / "snapshot of 2025-01-10": where the figures came from. */
export function describeSource(estimate: Pick<CostEstimate, 'source' | 'asOf'>): string {
  const day = estimate.asOf.slice(0, 10);
  return estimate.source === 'price-list' ? `AWS Price List, read ${day}` : `bundled price snapshot of ${day}`;
}

/**
 * "≈ $36.04/month per task · us-east-1 · Linux/x86 · on-demand": the one-line form every surface
 * shows (`for 3 tasks` when it prices more than one); `full` adds where the prices came from.
 */
export function describeEstimate(estimate: CostEstimate, shape: Pick<TaskShape, 'os' | 'architecture'>, options: { full?: boolean } = {}): string {
  const tasks = estimate.count === 1 ? 'per task' : `for ${estimate.count} tasks`;
  const parts = [`≈ ${formatUsd(estimate.monthly)}/month ${tasks}`, estimate.region, platformLabel(shape), rateLabel(estimate)];
  if (options.full) parts.push(describeSource(estimate));
  return parts.join(' · ');
}

const tasksWord = (n: number) => (n === 1 ? 'task' : 'tasks');

/** "3 → 5 tasks: +$72.08/month": what a change of desired count costs (per task from `perTask`'s figure). */
export function describeCountChange(perTask: CostEstimate, from: number, to: number): string {
  const perTaskMonthly = perTask.count ? perTask.monthly / perTask.count : 0;
  const change = (to - from) * perTaskMonthly;
  const amount = to === from ? 'no change' : `${change > 0 ? '+' : ''}${formatUsd(change)}/month`;
  return `${from} → ${to} ${tasksWord(to)}: ${amount}`;
}

/** A service's cost: its desired count, and the bounds of its auto-scaling target when it has one. */
export interface ServiceCost {
  desired: CostEstimate;
  scaling?: { min: CostEstimate; max: CostEstimate };
}

export function estimateService(perTask: CostEstimate, desiredCount: number, scaling?: { min: number; max: number }): ServiceCost {
  const cost: ServiceCost = { desired: withCount(perTask, desiredCount) };
  if (scaling) cost.scaling = { min: withCount(perTask, scaling.min), max: withCount(perTask, scaling.max) };
  return cost;
}

/** "≈ $108.12/month for 3 tasks · auto scaling 2–10 tasks: $72.08–$360.40/month". */
export function describeServiceCost(cost: ServiceCost): string {
  const d = cost.desired;
  const head = `≈ ${formatUsd(d.monthly)}/month for ${d.count} ${tasksWord(d.count)}`;
  if (!cost.scaling) return head;
  const { min, max } = cost.scaling;
  return `${head} · auto scaling ${min.count}–${max.count} tasks: ${formatUsd(min.monthly)}–${formatUsd(max.monthly)}/month`;
}
