import type { ClientManager, Scope } from '../aws/clientManager';
import { describeAwsError } from '../aws/errors';
import { signedUpgradeHeaders } from '../aws/signedUpgrade';
import type { GenerateDataKey } from '../ssm/encryption';
import { SsmSession } from '../ssm/session';
import { webSocketConnector, type ConnectSocket } from '../ssm/socket';

/** What ECS ExecuteCommand and SSM StartSession answer with. */
export interface StartedSession {
  sessionId: string;
  streamUrl: string;
  tokenValue: string;
}

/**
 * A session could not be started or was refused: `awsCode` is AWS's error code when AWS refused it
 * (e.g. InvalidParameterException when ECS Exec is not enabled on the task), so the commands layer can
 * run the readiness check; `message` says it in plain words.
 */
export class ExecSessionError extends Error {
  override readonly name = 'ExecSessionError';
  constructor(
    message: string,
    readonly awsCode?: string,
  ) {
    super(message);
  }
}

/** The data channel's WebSocket; a test may pass another (e.g. one that drops the connection). */
let connectSocket: ConnectSocket = webSocketConnector();
export function useConnectSocket(connect: ConnectSocket): void {
  connectSocket = connect;
}

/** AWS refused a call: its message in plain words, with what was being done. */
export function refused(doing: string, error: unknown, operation: string): ExecSessionError {
  const problem = describeAwsError(error, { operation });
  return new ExecSessionError(`${doing} failed: ${problem.message}`, problem.code);
}

/**
 * Opens the session's data channel and waits for its handshake. Encryption's data key comes from KMS
 * in the session's scope; a lost connection is resumed with SSM ResumeSession's new token.
 */
export async function openSessionChannel(clients: ClientManager, scope: Scope, started: StartedSession, targetId: string): Promise<SsmSession> {
  const generateDataKey: GenerateDataKey = async ({ keyId, numberOfBytes, encryptionContext }) => {
    const { sdk, client } = await clients.clientWithSdk('kms', scope);
    const out = await client.send(new sdk.kms.GenerateDataKeyCommand({ KeyId: keyId, NumberOfBytes: numberOfBytes, EncryptionContext: encryptionContext }));
    if (!out.Plaintext || !out.CiphertextBlob) throw new Error('KMS GenerateDataKey returned no key.');
    return { plaintext: out.Plaintext, ciphertextBlob: out.CiphertextBlob };
  };
  const resume = async (): Promise<string | undefined> => {
    const { sdk, client } = await clients.clientWithSdk('ssm', scope);
    try {
      const out = await client.send(new sdk.ssm.ResumeSessionCommand({ SessionId: started.sessionId }));
      return out.TokenValue || undefined;
    } catch (error) {
      if ((error as { name?: string }).name === 'DoesNotExistException') return undefined;
      throw error;
    }
  };
  try {
    return await SsmSession.start({
      sessionId: started.sessionId,
      streamUrl: started.streamUrl,
      tokenValue: started.tokenValue,
      targetId,
      // Each (re)connection is signed afresh: a signature is valid for minutes, a session for hours.
      connect: async (url, events) => connectSocket(url, events, await signedUpgradeHeaders(clients, scope, url, 'ssmmessages')),
      generateDataKey,
      resume,
    });
  } catch (error) {
    await terminateSession(clients, scope, started.sessionId);
    throw new ExecSessionError(`Session ${started.sessionId} started, but its data channel did not open: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** SSM TerminateSession; a session already gone is no error. */
export async function terminateSession(clients: ClientManager, scope: Scope, sessionId: string): Promise<void> {
  try {
    const { sdk, client } = await clients.clientWithSdk('ssm', scope);
    await client.send(new sdk.ssm.TerminateSessionCommand({ SessionId: sessionId }));
  } catch {
    // The channel is closed either way; SSM ends a session without a client after its idle timeout.
  }
}
