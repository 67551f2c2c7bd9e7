/**
 * AWS-provided text (service events, stop reasons, tags, image tags, findings, error messages) is
 * free text that anyone with the right permission writes: `ecs:StopTask` sets a stop reason. It
 * goes into tooltips and documents only through these, so it can never add a link, an image (a
 * request to a remote host), emphasis, a table or HTML.
 */

/**
 * Text shown literally in Markdown: the characters that could start a link, an image, emphasis,
 * code, HTML or a table cell are escaped, and so are the bare-URL forms GitHub-flavoured renderers
 * turn into links (`://`, `www.`) and line starts that would make a heading, list or quote.
 * Ordinary punctuation (`-`, `.`, `:`) stays as it is, so a document stays readable as source.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()<>#|~&!]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
    // List markers and setext underlines only count followed by a space, the line's end or more of the same.
    .replace(/^(\s*)([-+=])(?=\s|$|[-=])/gm, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/gm, '$1\\$2')
    .replace(/\r?\n/g, '  \n');
}

/** Inline code around `text`: a backtick fence longer than any run inside, newlines as spaces. */
export function inlineCode(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A value for a Markdown table cell: escaped, and `|` cannot end the cell. */
export function tableCell(text: string): string {
  return escapeMarkdown(text).replace(/ {2}\n/g, ' ');
}

/** A value shown as code (an ARN, an image URI) rather than as escaped text. */
export interface Code {
  code: string;
}

export function code(text: string | undefined): Code | undefined {
  return text === undefined ? undefined : { code: text };
}

/** `**Label:** value` lines of a tooltip; empty values are left out, every value is escaped. */
export function detailRows(rows: [string, string | number | Code | undefined][]): string {
  return rows
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `**${k}:** ${typeof v === 'object' ? inlineCode(v.code) : escapeMarkdown(String(v))}`)
    .join('  \n');
}

/** A link only for a plain https URL; anything else is shown as escaped text. */
export function safeLink(text: string, url: string | undefined): string {
  return url && /^https:\/\/[^\s()<>[\]"'`]+$/.test(url) ? `[${escapeMarkdown(text)}](${url})` : escapeMarkdown(text);
}
