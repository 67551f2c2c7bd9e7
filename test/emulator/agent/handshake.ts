/**
 * The handshake payloads (JSON), as amazon-ssm-agent's session/contracts/model.go names them and the
 * session-manager-plugin's streaming.go handleHandshakeRequest reads them. The agent asks for the
 * SessionType action (the plugin that serves the session and its properties) and, when the session
 * is encrypted, KMSEncryption with the key id; the client answers each action with a status
 * (1 Success, 2 Failed, 3 Unsupported) and, for KMSEncryption, the data key's ciphertext.
 *
 * AgentVersion matters to the client: the plugin multiplexes port connections (smux) only with agents
 * after 3.0.196.0 and turns smux keep-alive off after 3.1.1511.0 (src/config/config.go).
 */
import type { AgentSessionSpec } from './types';

/** A current agent: multiplexed ports, no smux keep-alive. */
export const AGENT_VERSION = '3.3.2299.0';
/** An agent before multiplexing (and after 2.3.722.0, so the TerminateSession flag is understood). */
export const AGENT_VERSION_WITHOUT_MUX = '3.0.161.0';
/** The agent multiplexes with clients from this version on (port.go muxSupportedClientVersion). */
export const MUX_CLIENT_VERSION = '1.1.70';

export const ActionStatus = { success: 1, failed: 2, unsupported: 3 } as const;

export function agentVersionOf(spec: AgentSessionSpec): string {
  return spec.sessionType === 'Port' && spec.multiplexing === false ? AGENT_VERSION_WITHOUT_MUX : AGENT_VERSION;
}

/** The SessionType action's Properties: the port document's parameters, or the shell's commands per platform. */
export function sessionProperties(spec: AgentSessionSpec): Record<string, unknown> {
  if (spec.properties) {
    return spec.properties;
  }
  if (spec.sessionType === 'Port') {
    return { portNumber: String(spec.connectTo?.port ?? ''), type: 'LocalPortForwarding' };
  }
  const shell = { commands: spec.command ?? '/bin/sh', runAsElevated: false };
  return { windows: shell, linux: shell, macos: shell };
}

export function handshakeRequest(spec: AgentSessionSpec): unknown {
  const actions: unknown[] = [{ ActionType: 'SessionType', ActionParameters: { SessionType: spec.sessionType, Properties: sessionProperties(spec) } }];
  if (spec.kms) {
    actions.push({ ActionType: 'KMSEncryption', ActionParameters: { KMSKeyId: spec.kms.keyId } });
  }
  return { AgentVersion: agentVersionOf(spec), RequestedClientActions: actions };
}

interface ProcessedAction {
  ActionType?: string;
  ActionStatus?: number;
  ActionResult?: { KMSCipherTextKey?: string } | null;
  Error?: string;
}

export type HandshakeAnswer = { clientVersion: string; cipherTextKey?: Buffer } | { error: string };

export function readHandshakeResponse(payload: Buffer, spec: AgentSessionSpec): HandshakeAnswer {
  let response: { ClientVersion?: string; ProcessedClientActions?: ProcessedAction[] };
  try {
    response = JSON.parse(payload.toString('utf8')) as typeof response;
  } catch (e) {
    return { error: `Unmarshalling of HandshakeResponse message failed, ${(e as Error).message}` };
  }
  let cipherTextKey: Buffer | undefined;
  for (const action of response.ProcessedClientActions ?? []) {
    if (action.ActionStatus !== ActionStatus.success) {
      return { error: `${action.ActionType} failed on client with status ${action.ActionStatus} error: ${action.Error ?? ''}` };
    }
    if (action.ActionType === 'KMSEncryption' && action.ActionResult?.KMSCipherTextKey) {
      cipherTextKey = Buffer.from(action.ActionResult.KMSCipherTextKey, 'base64');
    }
  }
  if (spec.kms && !cipherTextKey) {
    return { error: 'KMSEncryption failed on client: the HandshakeResponse has no KMSCipherTextKey' };
  }
  return { clientVersion: response.ClientVersion ?? '', cipherTextKey };
}

/** Dotted versions compared number by number (a missing part counts as 0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) {
      return Math.sign(d);
    }
  }
  return 0;
}
