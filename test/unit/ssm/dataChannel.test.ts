/**
 * The data channel's reliability rules over an in-memory network and a manual clock: the opening
 * frame, sequence numbers, acknowledgements, in-order delivery, resend on the retransmission timeout
 * (its RTT smoothing and clamps), publication pause, channel_closed, and a resumed connection.
 */
import * as assert from 'assert';
import { encodeClientMessage, MessageType, newMessage, PayloadType, type ClientMessage } from '../../../src/ssm/clientMessage';
import { DataChannel, type ChannelEnd, type ChannelState } from '../../../src/ssm/dataChannel';
import { RetransmissionTimer } from '../../../src/ssm/retransmission';
import { ManualClock, memoryNetwork, settle } from './support/channelPeer';

async function openChannel(options: { resume?: () => Promise<string | undefined> } = {}) {
  const net = memoryNetwork();
  const clock = new ManualClock();
  const channel = new DataChannel({ streamUrl: 'ws://agent/v1/data-channel/s-1', tokenValue: 'token-1', clientId: 'client-1', connect: net.connect, clock, ...options });
  const delivered: ClientMessage[] = [];
  const ends: ChannelEnd[] = [];
  const states: ChannelState[] = [];
  channel.onMessage((m) => delivered.push(m));
  channel.onEnd((e) => ends.push(e));
  channel.onStateChange((s) => states.push(s));
  await channel.open();
  return { net, clock, channel, delivered, ends, states, peer: net.peers[0] };
}

describe('ssm data channel', () => {
  it('opens with OpenDataChannelInput as a text frame: schema 1.0, a request id, the token, client id and version', async () => {
    const { peer, net } = await openChannel();
    assert.deepStrictEqual(net.urls, ['ws://agent/v1/data-channel/s-1']);
    const open = JSON.parse(peer.text[0]);
    assert.deepStrictEqual(Object.keys(open), ['MessageSchemaVersion', 'RequestId', 'TokenValue', 'ClientId', 'ClientVersion']);
    assert.strictEqual(open.MessageSchemaVersion, '1.0');
    assert.match(open.RequestId, /^[0-9a-f-]{36}$/);
    assert.strictEqual(open.TokenValue, 'token-1');
    assert.strictEqual(open.ClientId, 'client-1');
    assert.match(open.ClientVersion, /^\d+\.\d+\.\d+\.\d+$/);
  });

  it('numbers stream messages from 0 as input_stream_data', async () => {
    const { peer, channel } = await openChannel();
    channel.send(PayloadType.Output, Buffer.from('a'));
    channel.send(PayloadType.Size, Buffer.from('{"cols":80,"rows":24}'));
    assert.deepStrictEqual(peer.stream.map((m) => [m.messageType, m.sequenceNumber, m.payloadType, m.payload.toString()]), [
      ['input_stream_data', 0, 1, 'a'],
      ['input_stream_data', 1, 3, '{"cols":80,"rows":24}'],
    ]);
    assert.strictEqual(channel.unacknowledged, 2);
    peer.ack(peer.stream[1]);
    assert.strictEqual(channel.unacknowledged, 1);
  });

  it('acknowledges every stream message with the plugin’s AcknowledgeContent', async () => {
    const { peer } = await openChannel();
    const out = peer.output(PayloadType.Output, 'hi');
    const ack = peer.received.find((m) => m.messageType === MessageType.Acknowledge)!;
    assert.strictEqual(ack.flags, 3);
    assert.strictEqual(ack.sequenceNumber, 0);
    assert.deepStrictEqual(JSON.parse(ack.payload.toString()), {
      AcknowledgedMessageType: 'output_stream_data',
      AcknowledgedMessageId: out.messageId,
      AcknowledgedMessageSequenceNumber: 0,
      IsSequentialMessage: true,
    });
  });

  it('delivers in sequence order, holding early messages and passing repeats over (acknowledged again)', async () => {
    const { peer, delivered } = await openChannel();
    peer.output(PayloadType.Output, 'two', 2);
    peer.output(PayloadType.Output, 'zero', 0);
    assert.deepStrictEqual(delivered.map((m) => m.payload.toString()), ['zero']);
    peer.output(PayloadType.Output, 'one', 1);
    peer.output(PayloadType.Output, 'one again', 1);
    assert.deepStrictEqual(delivered.map((m) => m.payload.toString()), ['zero', 'one', 'two']);
    assert.deepStrictEqual(peer.acks.map((a) => a.AcknowledgedMessageSequenceNumber), [2, 0, 1, 1]);
  });

  it('drops a message whose digest is wrong, unacknowledged, so the agent sends it again', async () => {
    const { peer, delivered } = await openChannel();
    peer.output(PayloadType.Output, 'ok'); // seq 0, delivered
    const bad = encodeClientMessage(newMessage({ messageType: MessageType.OutputStreamData, payloadType: 1, payload: Buffer.from('tampered'), sequenceNumber: 1 }));
    bad[bad.length - 1] ^= 0xff;
    peer.raw(bad);
    assert.strictEqual(delivered.length, 1);
    assert.strictEqual(peer.acks.length, 1);
  });

  it('resends an unacknowledged message once the retransmission timeout (200 ms at first) has passed, checked every 100 ms', async () => {
    const { peer, channel, clock } = await openChannel();
    channel.send(PayloadType.Output, Buffer.from('x'));
    clock.advance(200);
    assert.strictEqual(peer.stream.length, 1, 'not yet: 200 ms is the timeout itself');
    clock.advance(100);
    assert.strictEqual(peer.stream.length, 2);
    assert.deepStrictEqual(peer.stream.map((m) => m.sequenceNumber), [0, 0]);
    assert.strictEqual(peer.stream[1].messageId, peer.stream[0].messageId, 'the same message, byte for byte');
    peer.ack(peer.stream[0]);
    clock.advance(1000);
    assert.strictEqual(peer.stream.length, 2, 'acknowledged: no more resends');
  });

  it('follows the round trip as the plugin: RTTVAR ¾·RTTVAR + ¼·|SRTT − R|, SRTT ⅞·SRTT + ⅛·R, RTO = SRTT + max(10 ms, 4·RTTVAR), at most 1 s', async () => {
    const { peer, channel, clock } = await openChannel();
    channel.send(PayloadType.Output, Buffer.from('x'));
    clock.advance(50);
    peer.ack(peer.stream[0]);
    // RTTVAR = 0.25·|100 − 50| = 12.5; SRTT = 0.875·100 + 0.125·50 = 93.75; RTO = 93.75 + 50.
    assert.strictEqual(channel.retransmissionTimeoutMs, 143.75);
    const timer = new RetransmissionTimer();
    timer.measured(0, 100);
    assert.strictEqual(timer.timeoutMs, 110, 'a steady 100 ms: the clock granularity is the floor of the margin');
    timer.measured(0, 10_000);
    assert.strictEqual(timer.timeoutMs, 1000, 'clamped at 1 s');
  });

  it('holds new messages while the agent paused publication and sends them on start_publication', async () => {
    const { peer, channel } = await openChannel();
    peer.control(MessageType.PausePublication);
    channel.send(PayloadType.Output, Buffer.from('held'));
    assert.strictEqual(peer.stream.length, 0);
    peer.control(MessageType.StartPublication);
    assert.deepStrictEqual(peer.stream.map((m) => m.payload.toString()), ['held']);
  });

  it('ends on channel_closed with its Output as the reason', async () => {
    const { peer, ends, channel } = await openChannel();
    peer.control(MessageType.ChannelClosed, { MessageType: 'channel_closed', SessionId: 's-1', Output: 'Session terminated by the admin.', SchemaVersion: 1 });
    assert.deepStrictEqual(ends, [{ reason: 'Session terminated by the admin.', failed: false }]);
    assert.strictEqual(channel.state, 'closed');
    assert.ok(peer.closedByClient);
    const { peer: other, ends: otherEnds } = await openChannel();
    other.control(MessageType.ChannelClosed, { SessionId: 's-9', Output: '' });
    assert.deepStrictEqual(otherEnds, [{ reason: 'Exiting session with sessionId: s-9.', failed: false }]);
  });

  it('after a dropped connection resumes with a new token, reopens and resends what was not acknowledged', async () => {
    let resumes = 0;
    const { net, clock, channel, states, delivered } = await openChannel({ resume: async () => `token-${2 + resumes++}` });
    const first = net.peers[0];
    channel.send(PayloadType.Output, Buffer.from('a'));
    channel.send(PayloadType.Output, Buffer.from('b'));
    first.ack(first.stream[0]);
    first.output(PayloadType.Output, 'before');
    net.refuse = 1;
    first.drop();
    assert.strictEqual(channel.state, 'reconnecting');
    clock.advance(200);
    await settle();
    assert.strictEqual(net.peers.length, 1, 'the first attempt was refused');
    clock.advance(400);
    await settle();
    const second = net.peers[1];
    assert.strictEqual(JSON.parse(second.text[0]).TokenValue, 'token-3');
    assert.deepStrictEqual(second.stream.map((m) => [m.sequenceNumber, m.payload.toString()]), [[1, 'b']]);
    assert.deepStrictEqual(states, ['connected', 'reconnecting', 'connected']);
    second.output(PayloadType.Output, 'after', 1);
    assert.deepStrictEqual(delivered.map((m) => m.payload.toString()), ['before', 'after']);
  });

  it('ends failed when ResumeSession says the session is gone', async () => {
    const { net, clock, ends } = await openChannel({ resume: async () => undefined });
    net.peers[0].drop();
    clock.advance(300);
    await settle();
    assert.strictEqual(ends.length, 1);
    assert.strictEqual(ends[0].failed, true);
    assert.match(ends[0].reason, /session ended while the connection was down/);
  });

  it('without a resume hook a dropped connection ends the channel, failed', async () => {
    const net = memoryNetwork();
    const channel = new DataChannel({ streamUrl: 'ws://x', tokenValue: 't', connect: net.connect, clock: new ManualClock() });
    const ends: ChannelEnd[] = [];
    channel.onEnd((e) => ends.push(e));
    await channel.open();
    net.peers[0].drop();
    assert.deepStrictEqual(ends, [{ reason: 'connection reset', failed: true }]);
  });
});

describe('ssm data channel: giving up', () => {
  it('ends the session, failed, when a message is still unacknowledged after 3000 resends', async () => {
    const { channel, clock, ends, peer } = await openChannel();
    channel.send(PayloadType.Output, Buffer.from('lost'));
    clock.advance(3001 * 300);
    assert.strictEqual(peer.stream.length, 3001);
    assert.strictEqual(ends.length, 1);
    assert.strictEqual(ends[0].failed, true);
    assert.match(ends[0].reason, /did not acknowledge data \(message 0\) after 3000 resends/);
  });
});
