/**
 * What the ECR view shows, as plain data (label, description, Markdown details, state), and the
 * scan-findings document. No vscode: unit-tested under Node.
 */
import type { Presented, State } from '../ecs/present';
import type { ImageDetail, Repository, ScanFindings } from './ecrService';
import { formatBytes } from './pushProgress';
import { shortDigest } from './names';
import { code, detailRows, escapeMarkdown, safeLink, tableCell } from '../util/markdown';

export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'] as const;

const iso = (date: Date | undefined) => (date ? date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : undefined);

function since(date: Date | undefined, now: Date): string {
  if (!date) return '';
  const s = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  const [n, unit] = s < 60 ? [s, 's'] : s < 3600 ? [s / 60, 'm'] : s < 86_400 ? [s / 3600, 'h'] : [s / 86_400, 'd'];
  return `${Math.round(n)}${unit} ago`;
}

/** `2 CRITICAL · 1 HIGH` in severity order; empty without findings. */
export function severitySummary(counts: Record<string, number> | undefined): string {
  if (!counts) return '';
  return SEVERITIES.filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`).join(' · ');
}

export function presentRepository(r: Repository, now: Date): Presented {
  const scanOnPush = r.imageScanningConfiguration?.scanOnPush ? 'scan on push' : '';
  return {
    label: r.repositoryName ?? '',
    description: [r.imageTagMutability === 'IMMUTABLE' ? 'immutable tags' : '', scanOnPush, since(r.createdAt, now) && `created ${since(r.createdAt, now)}`].filter(Boolean).join(' · '),
    details: detailRows([
      ['Repository', r.repositoryName],
      ['URI', code(r.repositoryUri)],
      ['Tag mutability', r.imageTagMutability],
      ['Scan on push', r.imageScanningConfiguration?.scanOnPush ? 'yes' : 'no'],
      ['Encryption', r.encryptionConfiguration?.encryptionType],
      ['KMS key', r.encryptionConfiguration?.kmsKey],
      ['Created', iso(r.createdAt)],
      ['ARN', code(r.repositoryArn)],
    ]),
    state: 'ok',
  };
}

function scanState(image: ImageDetail): State {
  const counts = image.imageScanFindingsSummary?.findingSeverityCounts ?? {};
  if (counts.CRITICAL) return 'error';
  if (counts.HIGH) return 'warning';
  if (image.imageScanStatus?.status === 'IN_PROGRESS' || image.imageScanStatus?.status === 'PENDING') return 'progress';
  if (image.imageScanStatus?.status === 'FAILED') return 'warning';
  return 'ok';
}

/** What the last scan of an image says, short: `2 CRITICAL · 1 HIGH`, `no findings`, `scan in progress`; empty when never scanned. */
export function scanSummary(image: Pick<ImageDetail, 'imageScanStatus' | 'imageScanFindingsSummary'>): string {
  const scan = image.imageScanStatus?.status;
  const findings = severitySummary(image.imageScanFindingsSummary?.findingSeverityCounts);
  return scan === 'COMPLETE' ? findings || 'no findings' : scan ? `scan ${scan.toLowerCase().replace(/_/g, ' ')}` : '';
}

export function presentImage(image: ImageDetail, now: Date): Presented {
  const scan = image.imageScanStatus?.status;
  const findings = severitySummary(image.imageScanFindingsSummary?.findingSeverityCounts);
  const scanText = scanSummary(image);
  return {
    label: image.imageTags?.length ? image.imageTags.join(', ') : '<untagged>',
    description: [shortDigest(image.imageDigest), since(image.imagePushedAt, now) && `pushed ${since(image.imagePushedAt, now)}`, image.imageSizeInBytes !== undefined ? formatBytes(image.imageSizeInBytes) : '', scanText]
      .filter(Boolean)
      .join(' · '),
    details: detailRows([
      ['Tags', image.imageTags?.join(', ') || '(untagged)'],
      ['Digest', code(image.imageDigest)],
      ['Pushed', iso(image.imagePushedAt)],
      ['Size', image.imageSizeInBytes !== undefined ? formatBytes(image.imageSizeInBytes) : undefined],
      ['Last pulled', iso(image.lastRecordedPullTime) ?? 'never recorded'],
      ['Manifest', image.imageManifestMediaType],
      ['Scan', scan ? `${scan}${image.imageScanStatus?.description ? ` – ${image.imageScanStatus.description}` : ''}` : 'not scanned'],
      ['Findings', findings || undefined],
    ]),
    state: scanState(image),
  };
}

/** The findings of a scan as a Markdown document: counts, then a table most severe first. */
export function findingsMarkdown(repository: string, ref: string, scan: ScanFindings): string {
  const attr = (f: ScanFindings['findings'][number], key: string) => f.attributes?.find((a) => a.key === key)?.value ?? '';
  const order = (s: string | undefined) => SEVERITIES.indexOf((s ?? 'UNDEFINED') as (typeof SEVERITIES)[number]);
  const sorted = [...scan.findings].sort((a, b) => order(a.severity) - order(b.severity) || (a.name ?? '').localeCompare(b.name ?? ''));
  const lines = [
    `# Scan findings: ${escapeMarkdown(`${repository}${ref}`)}`,
    '',
    detailRows([
      ['Status', `${scan.status ?? 'unknown'}${scan.description ? ` – ${scan.description}` : ''}`],
      ['Completed', iso(scan.completedAt)],
      ['Findings', severitySummary(scan.counts) || 'none'],
    ]),
    '',
  ];
  if (sorted.length) {
    lines.push('| Severity | CVE | Package | Version | Link |', '| --- | --- | --- | --- | --- |');
    for (const f of sorted) {
      lines.push(`| ${tableCell(f.severity ?? '')} | ${tableCell(f.name ?? '')} | ${tableCell(attr(f, 'package_name'))} | ${tableCell(attr(f, 'package_version'))} | ${f.uri ? safeLink(f.name ?? 'details', f.uri) : ''} |`);
    }
  } else lines.push(scan.status === 'COMPLETE' ? 'No findings.' : 'The scan has not completed yet: run the command again in a moment.');
  return `${lines.join('\n')}\n`;
}
