/** The estimate's breakdown as a read-only Markdown document; every name from a file or AWS is escaped. */
import { describeSource, formatUsd } from '../../cost/estimate';
import type { TaskDefinitionCost } from '../../cost/estimator';
import { HOURS_PER_MONTH } from '../../cost/types';
import { escapeMarkdown, tableCell } from '../../util/markdown';

// An hour to five decimals (what the per-hour rates need), a month to the cent.
const row = (what: string, hourly: number) => `| ${what} | $${Number(hourly.toFixed(5))} | ${formatUsd(hourly * HOURS_PER_MONTH)} |`;

export function costMarkdown(name: string, cost: TaskDefinitionCost, family: string | undefined, snapshotSource?: string): string {
  const { estimate, shape } = cost;
  const p = estimate.perTask;
  const ec2 = estimate.capacityProvider === 'EC2';
  const lines = [
    `# Cost estimate: ${escapeMarkdown(name)}`,
    '',
    escapeMarkdown(cost.text),
    '',
    ...(family ? [`Family: ${escapeMarkdown(family)}`, ''] : []),
    `Task size: ${shape.vcpu} vCPU, ${shape.memoryGb} GB memory, ${shape.ephemeralStorageGb} GiB ephemeral storage, ${shape.launchType}.`,
    '',
    '| per task | per hour | per month (730 h) |',
    '| --- | ---: | ---: |',
  ];
  if (ec2) lines.push(row('Share of the container instance', p.vcpuHourly + p.memoryHourly));
  else {
    lines.push(row(`vCPU (${shape.vcpu})`, p.vcpuHourly), row(`Memory (${shape.memoryGb} GB)`, p.memoryHourly));
    if (p.storageHourly) lines.push(row(`Ephemeral storage above 20 GiB (${shape.ephemeralStorageGb - 20} GiB)`, p.storageHourly));
    if (p.osHourly) lines.push(row('Windows OS licence', p.osHourly));
  }
  const perTaskHourly = estimate.count ? estimate.hourly / estimate.count : p.vcpuHourly + p.memoryHourly + p.storageHourly + p.osHourly;
  lines.push(row('**Total per task**', perTaskHourly));
  if (estimate.count !== 1) lines.push(row(`**${estimate.count} tasks**`, estimate.hourly));
  lines.push('', `Prices: ${escapeMarkdown(describeSource(estimate))}, ${estimate.region}, USD.`);
  if (estimate.source === 'snapshot' && snapshotSource) lines.push('', `Snapshot source: ${escapeMarkdown(snapshotSource)}`);
  if (estimate.notes.length) lines.push('', ...estimate.notes.map((n) => `- ${tableCell(n)}`));
  return lines.join('\n') + '\n';
}
