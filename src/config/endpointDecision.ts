/** The rule of EndpointGate as plain data, tested under Node. */
export interface EndpointValues {
  /** The user-level value (settings.json of the user). */
  user?: string;
  /** The workspace's (or workspace folder's) value, when it sets one. */
  workspace?: string;
  /** The workspace URL the user confirmed for this workspace, if any. */
  confirmed?: string;
  /** URLs the user declined this session. */
  declined: ReadonlySet<string>;
}

/**
 * Which endpoint to use: the user's own freely; the workspace's only when it is the one confirmed
 * (or the same as the user's, or empty: AWS itself); otherwise the user's, asking once per URL.
 */
export function decideEndpoint(v: EndpointValues): { endpoint?: string; ask?: string } {
  const user = v.user?.trim() || undefined;
  const workspace = v.workspace?.trim();
  if (workspace === undefined) return { endpoint: user };
  if (workspace === '' || workspace === user || workspace === v.confirmed) return { endpoint: workspace || undefined };
  return { endpoint: user, ask: v.declined.has(workspace) ? undefined : workspace };
}
