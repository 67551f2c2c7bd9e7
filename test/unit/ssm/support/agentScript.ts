/** A session's agent side, scripted over the in-memory network: the handshake the agent opens with. */
import { jsonPayload, PayloadType } from '../../../../src/ssm/clientMessage';
import { SsmSession, type SsmSessionOptions } from '../../../../src/ssm/session';
import { ManualClock, memoryNetwork, settle, type Peer } from './channelPeer';

export interface ScriptedSession {
  session: SsmSession;
  peer: Peer;
  clock: ManualClock;
}

/** Starts an SsmSession whose agent asks for `sessionType` (with `properties`) as `agentVersion`, then completes. */
export async function scriptedSession(
  sessionType: string,
  options: { agentVersion?: string; properties?: unknown; extra?: Partial<SsmSessionOptions> } = {},
): Promise<ScriptedSession> {
  const net = memoryNetwork();
  const clock = new ManualClock();
  const starting = SsmSession.start({ sessionId: 's-1', targetId: 'ecs:c_t_r', streamUrl: 'ws://agent', tokenValue: 't', connect: net.connect, clock, ...options.extra });
  await settle();
  const peer = net.peers[0];
  peer.output(
    PayloadType.HandshakeRequest,
    jsonPayload({
      AgentVersion: options.agentVersion ?? '3.3.1142.0',
      RequestedClientActions: [{ ActionType: 'SessionType', ActionParameters: { SessionType: sessionType, Properties: options.properties ?? null } }],
    }),
  );
  await settle();
  peer.output(PayloadType.HandshakeComplete, jsonPayload({ HandshakeTimeToComplete: 1_000_000, CustomerMessage: '' }));
  const session = await starting;
  return { session, peer, clock };
}
