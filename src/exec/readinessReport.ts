/**
 * The ECS Exec readiness report as Markdown: the verdict, what failed with what to do, then every
 * check. Every message comes from AWS names and answers, so all of it is escaped (util/markdown.ts).
 */
import { escapeMarkdown, inlineCode, safeLink } from '../util/markdown';
import type { ReadinessCheck, ReadinessReport } from './types';

/** Where the check looked, for the title. */
export interface ReportHeading {
  cluster: string;
  task: string;
  container?: string;
  region: string;
  account?: string;
}

const DOCS = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html';

function mark(c: ReadinessCheck): string {
  return c.ok ? (c.unverified ? '?' : '✓') : '✗';
}

export function readinessMarkdown(report: ReadinessReport, at: ReportHeading): string {
  const failed = report.checks.filter((c) => !c.ok);
  const unverified = report.checks.filter((c) => c.unverified);
  const where = [`cluster ${escapeMarkdown(at.cluster)}`, at.account ? `account ${escapeMarkdown(at.account)}` : undefined, escapeMarkdown(at.region)].filter(Boolean).join(', ');
  const lines = [
    `# ECS Exec readiness of task ${escapeMarkdown(at.task)}${at.container ? `, container ${escapeMarkdown(at.container)}` : ''}`,
    '',
    `In ${where}.`,
    '',
    report.ready
      ? `**Ready:** every check passed${unverified.length ? ` (${unverified.length} could not be verified)` : ''}.`
      : `**Not ready:** ${failed.length} check${failed.length === 1 ? '' : 's'} failed.`,
    '',
  ];
  if (failed.length) {
    lines.push('## What to do', '');
    const said = new Set<string>();
    for (const c of failed) {
      const fix = c.fix ?? 'see the guide below.';
      lines.push(`- ✗ ${escapeMarkdown(c.message)}  `, `  **Fix:** ${said.has(fix) ? 'the same as above.' : escapeMarkdown(fix)}`);
      said.add(fix);
    }
    lines.push('');
  }
  lines.push('## Every check', '');
  for (const c of report.checks) lines.push(`- ${mark(c)} ${inlineCode(c.id)}: ${escapeMarkdown(c.message)}`);
  lines.push('', '✓ passed, ✗ failed, ? could not be verified (not counted as a failure).', '', `AWS's guide: ${safeLink(DOCS, DOCS)}`, '');
  return lines.join('\n');
}
