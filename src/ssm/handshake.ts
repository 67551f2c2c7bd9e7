import { jsonPayload } from './clientMessage';
import { SessionEncryption, type GenerateDataKey } from './encryption';

/**
 * The handshake the agent opens every session with: HandshakeRequest (its version and the actions it
 * asks of the client: SessionType, KMSEncryption) → the client's HandshakeResponse (each action's status)
 * → HandshakeComplete. With encryption, an EncChallengeRequest comes between: the client decrypts the
 * challenge with the agent's half of the key and sends it back encrypted with its own.
 */
export const ActionType = { KMSEncryption: 'KMSEncryption', SessionType: 'SessionType' } as const;
export const ActionStatus = { Success: 1, Failed: 2, Unsupported: 3 } as const;

/** The session types an agent names; the three command kinds are all served as a terminal stream. */
export const SessionTypeName = {
  Shell: 'Standard_Stream',
  InteractiveCommands: 'InteractiveCommands',
  NonInteractiveCommands: 'NonInteractiveCommands',
  Port: 'Port',
} as const;

export type SessionKind = 'shell' | 'port';

export interface HandshakeRequest {
  AgentVersion?: string;
  RequestedClientActions?: { ActionType?: string; ActionParameters?: unknown }[];
}

interface ProcessedClientAction {
  ActionType: string;
  ActionStatus: number;
  ActionResult: unknown;
  Error: string;
}

export interface HandshakeOutcome {
  /** The HandshakeResponse payload. */
  response: Buffer;
  agentVersion: string;
  kind?: SessionKind;
  /** The SessionType action's Properties (a port session's portNumber, type, …). */
  properties?: unknown;
  encryption?: SessionEncryption;
}

export interface HandshakeContext {
  sessionId: string;
  targetId: string;
  clientVersion: string;
  /** Absent: a KMSEncryption request fails (the session cannot be encrypted by this caller). */
  generateDataKey?: GenerateDataKey;
}

export function parseJson<T>(payload: Buffer, what: string): T {
  try {
    return JSON.parse(payload.toString('utf8')) as T;
  } catch {
    throw new Error(`The agent's ${what} is not JSON.`);
  }
}

/** Works through each requested action in order, as the reference client does, and builds the response. */
export async function answerHandshake(request: HandshakeRequest, context: HandshakeContext): Promise<HandshakeOutcome> {
  const outcome: Omit<HandshakeOutcome, 'response'> = { agentVersion: request.AgentVersion ?? '' };
  const processed: ProcessedClientAction[] = [];
  const errors: string[] = [];
  for (const action of request.RequestedClientActions ?? []) {
    const type = action.ActionType ?? '';
    const params = (action.ActionParameters ?? {}) as Record<string, unknown>;
    const result: ProcessedClientAction = { ActionType: type, ActionStatus: ActionStatus.Success, ActionResult: null, Error: '' };
    try {
      if (type === ActionType.SessionType) {
        outcome.kind = sessionKindOf(String(params.SessionType ?? ''));
        outcome.properties = params.Properties;
      } else if (type === ActionType.KMSEncryption) {
        if (!context.generateDataKey) throw new Error('this client was not given KMS access to encrypt the session');
        const keyId = String(params.KMSKeyId ?? '');
        outcome.encryption = await SessionEncryption.generate(context.generateDataKey, keyId, context.sessionId, context.targetId);
        result.ActionResult = { KMSCipherTextKey: Buffer.from(outcome.encryption.ciphertextBlob).toString('base64') };
      } else {
        result.ActionStatus = ActionStatus.Unsupported;
        result.Error = `Unsupported action ${type}`;
        errors.push(result.Error);
      }
    } catch (error) {
      result.ActionStatus = ActionStatus.Failed;
      result.Error = `Failed to process action ${type}: ${error instanceof Error ? error.message : String(error)}`;
      errors.push(result.Error);
    }
    processed.push(result);
  }
  const response = jsonPayload({ ClientVersion: context.clientVersion, ProcessedClientActions: processed, Errors: errors.length ? errors : null });
  return { ...outcome, response };
}

export function sessionKindOf(sessionType: string): SessionKind {
  switch (sessionType) {
    case SessionTypeName.Shell:
    case SessionTypeName.InteractiveCommands:
    case SessionTypeName.NonInteractiveCommands:
      return 'shell';
    case SessionTypeName.Port:
      return 'port';
    default:
      throw new Error(`Unknown session type ${sessionType}`);
  }
}

/** EncChallengeRequest { Challenge } → EncChallengeResponse { Challenge } (base64, as Go marshals bytes). */
export function answerChallenge(payload: Buffer, encryption: SessionEncryption): Buffer {
  const { Challenge } = parseJson<{ Challenge?: string }>(payload, 'encryption challenge');
  const plain = encryption.decrypt(Buffer.from(Challenge ?? '', 'base64'));
  return jsonPayload({ Challenge: encryption.encrypt(plain).toString('base64') });
}

/** HandshakeComplete { HandshakeTimeToComplete (ns), CustomerMessage }. */
export function parseHandshakeComplete(payload: Buffer): { customerMessage?: string } {
  const complete = parseJson<{ CustomerMessage?: string }>(payload, 'HandshakeComplete');
  return { customerMessage: complete.CustomerMessage || undefined };
}
