/**
 * Quoting one argument for the shell of the user's terminal, so a fix such as
 * `aws sso login --profile <name>` is typed correctly for any profile name (`.`, `@`, `/`, spaces,
 * quotes). Plain words are left as they are, so the usual case reads naturally.
 */
export type ShellKind = 'posix' | 'fish' | 'powershell' | 'cmd';

/** The kind of shell from its executable path (VS Code's `env.shell`); POSIX when unknown. */
export function shellKindOf(shellPath: string | undefined): ShellKind {
  const name = (shellPath ?? '').split(/[\\/]/).pop()?.toLowerCase().replace(/\.exe$/, '') ?? '';
  if (name === 'pwsh' || name === 'powershell') return 'powershell';
  if (name === 'cmd') return 'cmd';
  if (name === 'fish') return 'fish';
  return 'posix';
}

const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function quoteForShell(value: string, kind: ShellKind): string {
  if (value !== '' && PLAIN.test(value) && !(kind === 'cmd' && value.includes('%'))) return value;
  switch (kind) {
    case 'posix':
      // Inside single quotes nothing is special; a quote is closed, escaped and reopened.
      return `'${value.replace(/'/g, `'\\''`)}'`;
    case 'fish':
      // fish honours \\ and \' inside single quotes.
      return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
    case 'powershell':
      // Single-quoted strings are literal; a quote is doubled (PowerShell also treats ‘ ’ as quotes).
      return `'${value.replace(/['‘’‚‛]/g, (c) => c + c)}'`;
    case 'cmd':
      // Double quotes keep spaces and & | < > ^ literal; but % still expands there and " ends them.
      if (/["%]/.test(value)) throw new Error(`"${value}" contains " or %, which cmd.exe cannot pass literally; set PowerShell or another shell as the default terminal.`);
      return `"${value}"`;
  }
}
