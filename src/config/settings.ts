import * as vscode from 'vscode';
import type { AwsContext, ClientOptions } from '../aws/clientManager';

export const SECTION = 'ecsWorkbench';

export interface AwsSettings {
  profile?: string;
  region?: string;
  clientOptions: ClientOptions;
}

export function readAwsSettings(): AwsSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    profile: config.get<string>('profile')?.trim() || undefined,
    region: config.get<string>('region')?.trim() || undefined,
    // The endpoint is decided by EndpointGate: a workspace value needs the user's confirmation.
    clientOptions: {
      maxAttempts: Math.max(1, config.get<number>('maxAttempts') ?? 5),
      requestTimeoutMs: Math.max(1_000, config.get<number>('requestTimeoutMs') ?? 30_000),
      connectTimeoutMs: 5_000,
    },
  };
}

/** Settings that, when they change, change who or where we talk to. */
export function affectsAwsContext(event: vscode.ConfigurationChangeEvent): boolean {
  return ['profile', 'region', 'endpointUrl', 'maxAttempts', 'requestTimeoutMs'].some((key) =>
    event.affectsConfiguration(`${SECTION}.${key}`),
  );
}

/**
 * Persists a choice per workspace when a folder is open (so two projects can use two accounts),
 * in the user settings otherwise.
 */
export async function saveSetting(key: 'profile' | 'region', value: string | undefined): Promise<void> {
  const target = vscode.workspace.workspaceFolders?.length
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION).update(key, value || undefined, target);
}

/** Read on every use, so a changed setting applies on the next expand or tick. */
export interface ExplorerSettings {
  pageSize(): number;
  additionalRegions(): string[];
  refreshIntervalMs(): number;
}

export function explorerSettings(): ExplorerSettings {
  const config = () => vscode.workspace.getConfiguration(SECTION);
  return {
    pageSize: () => Math.min(1000, Math.max(1, config().get<number>('explorer.pageSize') ?? 100)),
    additionalRegions: () => (config().get<string[]>('explorer.additionalRegions') ?? []).filter((r) => typeof r === 'string' && r.trim()),
    refreshIntervalMs: () => Math.max(2, config().get<number>('explorer.refreshIntervalSeconds') ?? 10) * 1000,
  };
}

export type { AwsContext };
