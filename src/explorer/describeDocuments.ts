import * as vscode from 'vscode';

export const DESCRIBE_SCHEME = 'ecs-workbench-describe';

/**
 * Read-only documents holding a resource's full describe output. Each open gets its own URI, so two
 * opens of the same resource at different times show what AWS said then.
 */
export class DescribeDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '// This describe output is no longer in memory: open it again from the explorer.';
  }

  async open(title: string, value: unknown, language?: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: DESCRIBE_SCHEME, path: `/${title.replace(/[^\w.:-]/g, '_')}.json`, query: String(++this.counter) });
    this.contents.set(uri.toString(), JSON.stringify(withoutSdkMetadata(value), null, 2) + '\n');
    let document = await vscode.workspace.openTextDocument(uri);
    const languages = await vscode.languages.getLanguages();
    document = await vscode.languages.setTextDocumentLanguage(document, language && languages.includes(language) ? language : 'json');
    return vscode.window.showTextDocument(document, { preview: true });
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
