/**
 * The "Why did it stop?" report as Markdown: the cause and summary, what to do, exit codes, the
 * last log lines and AWS's page. Everything AWS or the task wrote is escaped (util/markdown.ts).
 */
import { resourceName, revisionLabel, shortTaskId } from '../aws/arn';
import { escapeMarkdown, inlineCode, safeLink } from '../util/markdown';
import { explainExitCode } from './exitCodes';
import type { Explanation } from './explain';

export function explanationMarkdown(e: Explanation): string {
  const id = resourceName(e.taskArn);
  const exits = Object.entries(e.exitCodes);
  const lines = [
    `# Why did task ${escapeMarkdown(shortTaskId(id))} stop?`,
    '',
    `**${escapeMarkdown(capitalised(e.words))}** (${inlineCode(e.cause)})`,
    '',
    escapeMarkdown(e.summary),
    '',
    '## What to do',
    '',
    ...e.fixes.map((f) => `- ${escapeMarkdown(f)}`),
    '',
    '## What ECS recorded',
    '',
    `- **Task:** ${inlineCode(e.taskArn)} in cluster ${escapeMarkdown(e.cluster)}${e.taskDefinitionArn ? `, ${escapeMarkdown(revisionLabel(e.taskDefinitionArn))}` : ''}`,
    ...(e.stopCode ? [`- **Stop code:** ${escapeMarkdown(e.stopCode)}`] : []),
    ...(e.stoppedReason ? [`- **Stopped reason:** ${escapeMarkdown(e.stoppedReason)}`] : []),
    ...(e.stoppedAt ? [`- **Stopped:** ${e.stoppedAt.toISOString()}`] : []),
    ...(exits.length ? ['- **Exit codes:**', ...exits.map(([name, code]) => `  - ${escapeMarkdown(name)}: ${escapeMarkdown(explainExitCode(code))}`)] : []),
    '',
    `## Last ${e.logTail.length || ''} log lines${e.container ? ` of ${escapeMarkdown(e.container)}` : ''}`.replace('Last  log', 'Last log'),
    '',
    ...(e.logTail.length ? ['```text', ...e.logTail.map((l) => l.replace(/```/g, '`\u200b``')), '```'] : [`*None: ${escapeMarkdown(e.logNote ?? 'no log lines')}.*`]),
    '',
    `AWS's guide: ${safeLink(e.docUrl, e.docUrl)}`,
    '',
  ];
  return lines.join('\n');
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
