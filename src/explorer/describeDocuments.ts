import * as vscode from 'vscode';
import { DESCRIBE_SCHEME } from '../util/schemes';

export { DESCRIBE_SCHEME };

/**
 * Read-only documents: a resource's full describe output, a scan's findings. Each open gets its own
 * URI, so two opens of the same resource at different times show what AWS said then; nothing asks
 * to be saved.
 */
export class DescribeDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '// This describe output is no longer in memory: open it again from the explorer.';
  }

  /** The describe output `value` as JSON (or a JSON-based language such as the task-definition one). */
  open(title: string, value: unknown, language?: string): Promise<vscode.TextEditor> {
    return this.openText(`${title}.json`, JSON.stringify(withoutSdkMetadata(value), null, 2) + '\n', language ?? 'json');
  }

  /** `text` as a read-only document named `fileName`, in `language` (plain text when unknown). */
  async openText(fileName: string, text: string, language: string): Promise<vscode.TextEditor> {
    const uri = this.put(fileName, text);
    let document = await vscode.workspace.openTextDocument(uri);
    const languages = await vscode.languages.getLanguages();
    document = await vscode.languages.setTextDocumentLanguage(document, languages.includes(language) ? language : 'plaintext');
    return vscode.window.showTextDocument(document, { preview: true });
  }

  /** `text` kept as a read-only document named `fileName`, not opened (a side of a diff). */
  put(fileName: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: DESCRIBE_SCHEME, path: `/${fileName.replace(/[^\w.:-]/g, '_')}`, query: String(++this.counter) });
    this.contents.set(uri.toString(), text);
    return uri;
  }

  dispose(): void {
    this.contents.clear();
  }
}

/** What AWS returned, without the SDK's `$metadata` (request id, attempts): not part of the resource. */
function withoutSdkMetadata(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('$metadata' in value)) return value;
  const { $metadata: _metadata, ...rest } = value as Record<string, unknown>;
  return rest;
}
