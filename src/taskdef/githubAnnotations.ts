/**
 * The linter's findings as GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,
 * endColumn=…,title=<code>::message`, `::warning` and `::notice` alike
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands;
 * the escaping is actions/toolkit's command.ts). Values are
 * escaped as the runner unescapes them: `%`, CR and LF everywhere, `:` and `,` in properties too.
 */
import type { Finding } from './sarif';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line (with its line break) for a finding; `file` as the runner resolves it (relative to the workspace). */
export function annotation(f: Finding, file: string): string {
  const props = [`file=${escapeProperty(file)}`, `line=${f.line}`, `endLine=${f.endLine}`, `col=${f.column}`, `endColumn=${f.endColumn}`, `title=${escapeProperty(f.code)}`];
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}\n`;
}

/** A file that could not be read: an error annotation on the file, no position. */
export function unreadableAnnotation(file: string, message: string): string {
  return `::error file=${escapeProperty(file)},title=ecs-taskdef-lint::${escapeData(message)}\n`;
}
