/**
 * The handshake and session encryption: SessionType and KMSEncryption processed as the plugin does,
 * the data key asked of KMS with the plugin's encryption context and 64 bytes, the challenge answered,
 * and AES-GCM payloads each way with the right half of the key.
 */
import * as assert from 'assert';
import { randomBytes } from 'crypto';
import { jsonPayload, PayloadType } from '../../../src/ssm/clientMessage';
import { SessionEncryption, type GenerateDataKey } from '../../../src/ssm/encryption';
import { answerHandshake } from '../../../src/ssm/handshake';
import { SsmSession } from '../../../src/ssm/session';
import { ManualClock, memoryNetwork, settle } from './support/channelPeer';

describe('ssm handshake and encryption', () => {
  it('answers the plugin test’s HandshakeRequest: an unknown action is Unsupported, with its error listed', async () => {
    // messageparser_test.go: AgentVersion "3.0", one action "start" with parameters {"name": "richard"}.
    const outcome = await answerHandshake({ AgentVersion: '3.0', RequestedClientActions: [{ ActionType: 'start', ActionParameters: { name: 'richard' } }] }, { sessionId: 's', targetId: 't', clientVersion: '1.2.707.0' });
    assert.deepStrictEqual(JSON.parse(outcome.response.toString()), {
      ClientVersion: '1.2.707.0',
      ProcessedClientActions: [{ ActionType: 'start', ActionStatus: 3, ActionResult: null, Error: 'Unsupported action start' }],
      Errors: ['Unsupported action start'],
    });
    assert.strictEqual(outcome.agentVersion, '3.0');
  });

  it('serves the three command session types as a terminal and Port as a port session; an unknown one fails its action', async () => {
    for (const [type, kind] of [['Standard_Stream', 'shell'], ['InteractiveCommands', 'shell'], ['NonInteractiveCommands', 'shell'], ['Port', 'port']]) {
      const outcome = await answerHandshake({ RequestedClientActions: [{ ActionType: 'SessionType', ActionParameters: { SessionType: type, Properties: { portNumber: '80' } } }] }, { sessionId: 's', targetId: 't', clientVersion: 'v' });
      assert.strictEqual(outcome.kind, kind);
      assert.strictEqual(JSON.parse(outcome.response.toString()).ProcessedClientActions[0].ActionStatus, 1);
    }
    const bad = await answerHandshake({ RequestedClientActions: [{ ActionType: 'SessionType', ActionParameters: { SessionType: 'Telnet' } }] }, { sessionId: 's', targetId: 't', clientVersion: 'v' });
    const action = JSON.parse(bad.response.toString()).ProcessedClientActions[0];
    assert.strictEqual(action.ActionStatus, 2);
    assert.strictEqual(action.Error, 'Failed to process action SessionType: Unknown session type Telnet');
  });

  it('encrypts the session: KMS GenerateDataKey (64 bytes, the plugin’s context), the challenge, then AES-GCM both ways', async () => {
    const key = randomBytes(64);
    const blob = Buffer.from('encrypted-data-key');
    const asked: Parameters<GenerateDataKey>[0][] = [];
    const generateDataKey: GenerateDataKey = async (request) => {
      asked.push(request);
      return { plaintext: key, ciphertextBlob: blob };
    };
    const agent = new SessionEncryption(key, blob, 'agent');
    const net = memoryNetwork();
    const starting = SsmSession.start({ sessionId: 'sess-1', targetId: 'ecs:c_t_r', streamUrl: 'ws://a', tokenValue: 't', connect: net.connect, clock: new ManualClock(), generateDataKey });
    await settle();
    const peer = net.peers[0];
    peer.output(PayloadType.HandshakeRequest, jsonPayload({
      AgentVersion: '3.3.1142.0',
      RequestedClientActions: [
        { ActionType: 'KMSEncryption', ActionParameters: { KMSKeyId: 'arn:aws:kms:us-east-1:123456789012:key/k-1' } },
        { ActionType: 'SessionType', ActionParameters: { SessionType: 'InteractiveCommands', Properties: null } },
      ],
    }));
    await settle();
    assert.deepStrictEqual(asked, [{ keyId: 'arn:aws:kms:us-east-1:123456789012:key/k-1', numberOfBytes: 64, encryptionContext: { 'aws:ssm:SessionId': 'sess-1', 'aws:ssm:TargetId': 'ecs:c_t_r' } }]);
    const response = JSON.parse(peer.stream[0].payload.toString());
    assert.strictEqual(peer.stream[0].payloadType, PayloadType.HandshakeResponse);
    assert.deepStrictEqual(response.ProcessedClientActions[0], { ActionType: 'KMSEncryption', ActionStatus: 1, ActionResult: { KMSCipherTextKey: blob.toString('base64') }, Error: '' });
    const challenge = randomBytes(64);
    peer.output(PayloadType.EncChallengeRequest, jsonPayload({ Challenge: agent.encrypt(challenge).toString('base64') }));
    await settle();
    const answer = JSON.parse(peer.stream[1].payload.toString()) as { Challenge: string };
    assert.ok(agent.decrypt(Buffer.from(answer.Challenge, 'base64')).equals(challenge), 'the client re-encrypted the challenge with its half');
    peer.output(PayloadType.HandshakeComplete, jsonPayload({ HandshakeTimeToComplete: 5, CustomerMessage: 'This session is encrypted using AWS KMS.' }));
    const session = await starting;
    assert.strictEqual(session.encrypted, true);
    assert.strictEqual(session.customerMessage, 'This session is encrypted using AWS KMS.');
    const got: string[] = [];
    session.onPayload((p) => got.push(p.payload.toString()));
    peer.output(PayloadType.Output, agent.encrypt(Buffer.from('secret output')));
    await settle();
    assert.deepStrictEqual(got, ['secret output']);
    session.send(PayloadType.Output, Buffer.from('typed'));
    const sent = peer.stream[2].payload;
    assert.ok(!sent.includes(Buffer.from('typed')));
    assert.strictEqual(agent.decrypt(sent).toString(), 'typed');
    session.send(PayloadType.Size, jsonPayload({ cols: 80, rows: 24 }));
    assert.strictEqual(peer.stream[3].payload.toString(), '{"cols":80,"rows":24}', 'only Output travels encrypted');
  });

  it('AES-GCM payloads are a 12-byte nonce, the ciphertext and a 16-byte tag; a changed byte fails', () => {
    const key = randomBytes(64);
    const client = new SessionEncryption(key, Buffer.alloc(1));
    const agent = new SessionEncryption(key, Buffer.alloc(1), 'agent');
    const sealed = client.encrypt(Buffer.from('abc'));
    assert.strictEqual(sealed.length, 12 + 3 + 16);
    assert.strictEqual(agent.decrypt(sealed).toString(), 'abc');
    sealed[13] ^= 1;
    assert.throws(() => agent.decrypt(sealed));
    assert.throws(() => client.decrypt(client.encrypt(Buffer.from('x'))), 'each side encrypts with its own half');
  });

  it('a session from an agent without a handshake starts on its first output, as a shell', async () => {
    const net = memoryNetwork();
    const starting = SsmSession.start({ sessionId: 's', targetId: 't', streamUrl: 'ws://a', tokenValue: 't', connect: net.connect, clock: new ManualClock() });
    await settle();
    net.peers[0].output(PayloadType.Output, '$ ');
    const session = await starting;
    assert.strictEqual(session.kind, 'shell');
    const got: string[] = [];
    session.onPayload((p) => got.push(p.payload.toString()));
    assert.deepStrictEqual(got, ['$ ']);
  });

  it('gives up when the agent does not complete the handshake in time', async () => {
    const net = memoryNetwork();
    const clock = new ManualClock();
    const starting = SsmSession.start({ sessionId: 's', targetId: 't', streamUrl: 'ws://a', tokenValue: 't', connect: net.connect, clock, handshakeTimeoutMs: 5000 });
    await settle();
    clock.advance(5000);
    await assert.rejects(starting, /did not complete the session handshake within 5 s/);
  });
});
