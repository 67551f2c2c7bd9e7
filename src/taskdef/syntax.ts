/** The JSON syntax errors of a parsed document as diagnostics: what every file kind reports first. */
import { type DiagnosticSink, MAX_NESTING, type ParsedDocument, printSyntaxError } from './document';

/**
 * Syntax errors listed, then one saying how many more: 5 MB of "/a" is 5 million of them, and a
 * diagnostic each ran out of memory.
 */
export const MAX_SYNTAX_ERRORS = 100;

export function reportSyntaxErrors(doc: ParsedDocument, sink: DiagnosticSink): void {
  const { text } = doc;
  if (doc.tooDeepAt >= 0)
    sink.addSpan(doc.tooDeepAt, 1, '', 'nesting-too-deep', 'error', `Nested more than ${MAX_NESTING} levels deep: the file is not checked further (a task or service definition is a few levels deep).`);
  for (const e of doc.syntaxErrors.slice(0, MAX_SYNTAX_ERRORS)) {
    // At the end of the text the parser reports an empty span there: keep the span inside the text.
    const offset = Math.min(e.offset, text.length);
    sink.addSpan(offset, Math.min(Math.max(e.length, 1), text.length - offset), '', 'json-syntax', 'error', printSyntaxError(e));
  }
  const more = doc.syntaxErrors.length - MAX_SYNTAX_ERRORS;
  if (more > 0) {
    const offset = Math.min(doc.syntaxErrors[MAX_SYNTAX_ERRORS].offset, text.length);
    sink.addSpan(offset, 0, '', 'json-syntax', 'error', `${more.toLocaleString('en-US')} more syntax errors from here are not listed: the file is not valid JSON.`);
  }
}
