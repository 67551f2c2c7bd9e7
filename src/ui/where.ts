import type { ClientManager, Scope } from '../aws/clientManager';

/** `account 123456789012, eu-west-1`: where a command acts, for its confirmation. */
export async function whereText(clients: ClientManager, scope: Scope = {}): Promise<string> {
  const { region } = clients.resolve(scope);
  try {
    return `account ${(await clients.callerIdentity(scope)).account}, ${region}`;
  } catch {
    return `account unknown, ${region}`;
  }
}
