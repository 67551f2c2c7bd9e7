/**
 * What the agent can do, from the version it gave in the handshake, as the reference client decides:
 * a feature exists when the agent's version is strictly greater than the last one without it (both
 * dotted numbers with the same number of parts; anything else counts as "no").
 */
export const AGENT_VERSIONS = {
  /** Port sessions multiplex TCP connections (smux) after this agent version. */
  tcpMultiplexing: '3.0.196.0',
  /** Agents after this one run smux without keep-alive; older ones close an idle multiplexed session after 30 s. */
  smuxKeepAliveDisabled: '3.1.1511.0',
  /** The TerminateSession flag is understood after this version. */
  terminateSessionFlag: '2.3.722.0',
} as const;

export function agentVersionAfter(agentVersion: string, threshold: string): boolean {
  const a = agentVersion.split('.');
  const b = threshold.split('.');
  if (!agentVersion || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (!/^\d+$/.test(a[i]) || !/^\d+$/.test(b[i])) return false;
    const diff = Number(a[i]) - Number(b[i]);
    if (diff !== 0) return diff > 0;
  }
  return false;
}
