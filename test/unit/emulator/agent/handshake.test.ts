/**
 * The handshake as the session-manager-plugin's streaming_test.go TestHandshakeRequestHandler and
 * TestProcessSessionTypeHandshakeAction* expect it from the agent: SessionType with a session type the
 * plugin knows, KMSEncryption with the key id, the data key decrypted with the encryption context
 * {aws:ssm:SessionId, aws:ssm:TargetId}, then AES-GCM payloads both ways.
 */
import * as assert from 'assert';
import { randomBytes } from 'crypto';
import type { AgentSessionType } from '../../../emulator/agent/types';
import { TestClient } from './client';
import { useAgent } from './fixture';

describe('emulator agent: handshake and KMS encryption', () => {
  const agent = useAgent({ target: 'ecs:cluster_task_runtime' });

  it('SessionType is one the plugin accepts (Standard_Stream, InteractiveCommands, NonInteractiveCommands, Port) with its properties', async () => {
    const accepted: AgentSessionType[] = ['Standard_Stream', 'InteractiveCommands', 'NonInteractiveCommands', 'Port'];
    for (const sessionType of accepted) {
      const s = agent.register({ sessionType, command: 'cat', connectTo: { host: '127.0.0.1', port: 9 } });
      const c = await TestClient.open(s.url, s.token);
      const req = await c.next((m) => m.payloadType === 5, 'HandshakeRequest');
      assert.strictEqual(req.seq, 0);
      assert.strictEqual(req.flags, 1, 'the first stream message carries SYN');
      const body = JSON.parse(req.payload.toString()) as { AgentVersion: string; RequestedClientActions: Array<{ ActionType: string; ActionParameters: { SessionType: string; Properties: Record<string, unknown> } }> };
      assert.match(body.AgentVersion, /^\d+\.\d+\.\d+\.\d+$/);
      assert.deepStrictEqual(body.RequestedClientActions.map((a) => a.ActionType), ['SessionType']);
      assert.strictEqual(body.RequestedClientActions[0].ActionParameters.SessionType, sessionType);
      const props = body.RequestedClientActions[0].ActionParameters.Properties;
      if (sessionType === 'Port') {
        assert.deepStrictEqual(props, { portNumber: '9', type: 'LocalPortForwarding' });
      } else {
        assert.strictEqual((props.linux as { commands: string }).commands, 'cat');
      }
      agent.emu.agent.terminate(s.id);
      await c.closed;
    }
  });

  it('TestHandshakeRequestHandler: KMSEncryption with the key id; the ciphertext key is decrypted with the session and target as context', async () => {
    const dataKey = randomBytes(64);
    const calls: Array<{ ciphertext: string; context: Record<string, string> }> = [];
    const s = agent.register({
      command: 'cat',
      kms: {
        keyId: 'some-key-id',
        decrypt: (ciphertext, context) => {
          calls.push({ ciphertext: ciphertext.toString(), context });
          return dataKey;
        },
      },
    });
    const c = await TestClient.open(s.url, s.token);
    const { request, complete } = await c.handshake({ kmsCipherText: Buffer.from('cipher-text-key'), dataKey });
    assert.deepStrictEqual(request.RequestedClientActions.map((a) => [a.ActionType, a.ActionParameters.KMSKeyId]), [['SessionType', undefined], ['KMSEncryption', 'some-key-id']]);
    assert.deepStrictEqual(calls, [{ ciphertext: 'cipher-text-key', context: { 'aws:ssm:SessionId': s.id, 'aws:ssm:TargetId': 'ecs:cluster_task_runtime' } }]);
    assert.strictEqual(complete.CustomerMessage, 'This session is encrypted using AWS KMS.');
    // Input sealed with the client's half reaches cat; cat's echo comes back sealed with the agent's half.
    c.sendText('secret-line\r');
    await c.until(() => (c.text().includes('secret-line') ? true : undefined), 'the echoed line, decrypted');
    const outputs = c.delivered.filter((m) => m.payloadType === 1);
    assert.ok(outputs.every((m) => !m.payload.toString('latin1').includes('secret-line')), 'output is encrypted on the wire');
    agent.emu.agent.terminate(s.id);
  });

  it('a client that fails an action ends the session with the reason in channel_closed', async () => {
    const s = agent.register({ kms: { keyId: 'k', decrypt: () => randomBytes(64) } });
    const c = await TestClient.open(s.url, s.token);
    await c.next((m) => m.payloadType === 5, 'HandshakeRequest');
    const failed = { ClientVersion: '1.2.707.0', ProcessedClientActions: [{ ActionType: 'SessionType', ActionStatus: 1, ActionResult: null, Error: '' }, { ActionType: 'KMSEncryption', ActionStatus: 2, ActionResult: null, Error: 'AccessDenied' }], Errors: ['AccessDenied'] };
    c.send(6, Buffer.from(JSON.stringify(failed)));
    const closed = await c.next((m) => m.type === 'channel_closed', 'channel_closed');
    assert.match((JSON.parse(closed.payload.toString()) as { Output: string }).Output, /KMSEncryption failed on client with status 2 error: AccessDenied/);
    await c.closed;
    assert.ok(!agent.emu.agent.activeSessions().includes(s.id));
  });

  it('a challenge answered with the wrong key ends the session', async () => {
    const dataKey = randomBytes(64);
    const s = agent.register({ kms: { keyId: 'k', decrypt: () => dataKey } });
    const c = await TestClient.open(s.url, s.token);
    await assert.rejects(c.handshake({ kmsCipherText: Buffer.from('x'), dataKey: Buffer.concat([dataKey.subarray(0, 32), randomBytes(32)]) }), /HandshakeComplete/);
    const closed = c.channelClosed();
    assert.ok(closed);
    assert.match((JSON.parse(closed.payload.toString()) as { Output: string }).Output, /Error decrypting/);
  });
});
