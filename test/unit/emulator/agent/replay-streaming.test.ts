/**
 * The emulator agent's data stream fed the message sequences of AWS's session-manager-plugin unit
 * tests, src/datachannel/streaming_test.go (getClientAndStreamingMessageList: payloads
 * "testPayload<i>", message id dd01e56b-…, created 1503434274948, flags 2). The plugin's tests check the
 * client's side; the agent's side has the same rules (amazon-ssm-agent datastream), so the same
 * sequences must give the same acknowledgements, buffering and order here, in the other direction.
 */
import * as assert from 'assert';
import type { ParsedMessage } from '../../../emulator/agent/frame';
import { DataStream, DEFAULT_RTT_MS, nextRetransmission, type Delivery } from '../../../emulator/agent/stream';
import { until } from '../../support/until';
import { ackFrame, frame, unframe, type Msg } from './client';

const messageId = 'dd01e56b-ff48-483e-a508-b5f073f31b16';
const createdDate = 1503434274948;

/** streaming_test.go's getClientMessage(i, …) for the agent's direction: input_stream_data "testPayload<i>". */
function fixture(i: number): Buffer {
  return frame('input_stream_data', i, 1, Buffer.from(`testPayload${i}`), { flags: 2, id: messageId, created: createdDate });
}

function harness(capacity?: number, ready: (m: ParsedMessage) => Delivery = () => 'done') {
  const sent: Msg[] = [];
  const delivered: string[] = [];
  const windows: boolean[] = [];
  let closed = 0;
  const stream = new DataStream(
    {
      deliver: (m) => {
        const r = ready(m);
        if (r === 'done') {
          delivered.push(m.payload.toString());
        }
        return r;
      },
      closed: () => closed++,
      window: (open) => windows.push(open),
    },
    capacity,
  );
  stream.attach((b) => sent.push(unframe(b)));
  const acks = () => sent.filter((m) => m.type === 'acknowledge').map((m) => JSON.parse(m.payload.toString()) as { AcknowledgedMessageId: string; AcknowledgedMessageSequenceNumber: number; AcknowledgedMessageType: string; IsSequentialMessage: boolean });
  return { stream, sent, delivered, windows, acks, closedCount: () => closed };
}

describe('emulator agent: replay of the plugin streaming_test.go sequences', () => {
  const streams: DataStream[] = [];
  afterEach(() => streams.splice(0).forEach((s) => s.close()));
  const make = (...a: Parameters<typeof harness>) => {
    const h = harness(...a);
    streams.push(h.stream);
    return h;
  };

  it('TestCalculateRetransmissionTimeout: a 140 ms round trip from the defaults gives RTT 105, variation 10, timeout 145', () => {
    const next = nextRetransmission(DEFAULT_RTT_MS, 0, 140);
    assert.strictEqual(Math.trunc(next.rtt), 105);
    assert.strictEqual(Math.trunc(next.rttVar), 10);
    assert.strictEqual(Math.trunc(next.rto), 145);
  });

  it('TestDataChannelIncomingMessageHandlerForExpectedInputStreamDataMessage: in order, then buffered 2, 6, 4, 3 drain on 1 up to 5', () => {
    const h = make();
    h.stream.receive(fixture(0));
    assert.deepStrictEqual(h.delivered, ['testPayload0']);
    assert.strictEqual(h.acks().length, 1);
    assert.deepStrictEqual(h.acks()[0], { AcknowledgedMessageType: 'input_stream_data', AcknowledgedMessageId: messageId, AcknowledgedMessageSequenceNumber: 0, IsSequentialMessage: true });
    for (const i of [2, 6, 4, 3]) {
      h.stream.receive(fixture(i));
    }
    assert.strictEqual(h.acks().length, 5, 'each message ahead of its turn is acknowledged when kept');
    assert.deepStrictEqual(h.delivered, ['testPayload0']);
    h.stream.receive(fixture(1));
    assert.deepStrictEqual(h.delivered, ['testPayload0', 'testPayload1', 'testPayload2', 'testPayload3', 'testPayload4']);
    // 6 waits for 5.
    h.stream.receive(fixture(5));
    assert.deepStrictEqual(h.delivered.slice(5), ['testPayload5', 'testPayload6']);
  });

  it('TestDataChannelIncomingMessageHandlerForUnexpectedInputStreamDataMessage: with room for 2, message 3 is dropped unacknowledged', () => {
    const h = make(2);
    for (const i of [1, 2, 3]) {
      h.stream.receive(fixture(i));
    }
    assert.deepStrictEqual(h.acks().map((a) => a.AcknowledgedMessageSequenceNumber), [1, 2]);
    assert.deepStrictEqual(h.delivered, []);
    h.stream.receive(fixture(0));
    assert.deepStrictEqual(h.delivered, ['testPayload0', 'testPayload1', 'testPayload2']);
    h.stream.receive(fixture(3));
    assert.deepStrictEqual(h.delivered.at(-1), 'testPayload3', 'the dropped message is taken when sent again');
  });

  it('an already delivered sequence number is dropped without an acknowledgement (agent datastream)', () => {
    const h = make();
    h.stream.receive(fixture(0));
    h.stream.receive(fixture(0));
    assert.strictEqual(h.acks().length, 1);
    assert.deepStrictEqual(h.delivered, ['testPayload0']);
  });

  it('a handler that is not ready leaves the message unacknowledged so the client sends it again', () => {
    let ready = false;
    const h = make(undefined, () => (ready ? 'done' : 'not-ready'));
    h.stream.receive(fixture(0));
    assert.strictEqual(h.acks().length, 0);
    ready = true;
    h.stream.receive(fixture(0));
    assert.deepStrictEqual(h.delivered, ['testPayload0']);
    assert.strictEqual(h.acks().length, 1);
  });

  it('TestSendInputDataMessage / TestProcessAcknowledgedMessage: each message waits for its acknowledgement', () => {
    const h = make();
    for (let i = 0; i < 3; i++) {
      h.stream.sendData(1, Buffer.from(`testPayload${i}`));
    }
    const out = h.sent.filter((m) => m.type === 'output_stream_data');
    assert.deepStrictEqual(out.map((m) => [m.seq, m.flags, m.payload.toString(), m.digestOk]), [[0, 1, 'testPayload0', true], [1, 0, 'testPayload1', true], [2, 0, 'testPayload2', true]]);
    assert.strictEqual(h.stream.unacknowledged, 3);
    // TestDataChannelIncomingMessageHandlerForAcknowledgeMessage: an acknowledge for sequence 1.
    h.stream.receive(ackFrame(out[1]));
    assert.strictEqual(h.stream.unacknowledged, 2);
    h.stream.receive(ackFrame({ ...out[1], seq: 9 }));
    assert.strictEqual(h.stream.unacknowledged, 2, 'an acknowledgement for nothing sent changes nothing');
  });

  it('TestResendStreamDataMessageScheduler: the oldest unacknowledged message is sent again', async () => {
    const h = make();
    for (let i = 0; i < 3; i++) {
      h.stream.sendData(1, Buffer.from(`testPayload${i}`));
    }
    await until(() => (h.sent.filter((m) => m.type === 'output_stream_data' && m.seq === 0).length > 1 ? true : undefined), 'a resend of message 0');
    assert.ok(!h.sent.slice(3).some((m) => m.seq === 2), 'only the oldest is resent while it is unacknowledged');
  });

  it('TestDataChannelIncomingMessageHandlerForPausePublicationessage: pause_publication stops sending until the client is back', async () => {
    const h = make();
    h.stream.receive(frame('pause_publication', 0, 1, Buffer.alloc(0), { flags: 2, id: messageId, created: createdDate }));
    h.stream.sendData(1, Buffer.from('held'));
    assert.strictEqual(h.sent.length, 0, 'nothing is sent while paused');
    h.stream.receive(frame('start_publication', 0, 1, Buffer.alloc(0), { id: messageId, created: createdDate }));
    await until(() => (h.sent.some((m) => m.payload.toString() === 'held') ? true : undefined), 'the held message after start_publication');
  });

  it('a message with a bad digest is dropped (Validate) and channel_closed from the client ends the stream', () => {
    const h = make();
    const bad = fixture(0);
    bad[bad.length - 1] ^= 1;
    h.stream.receive(bad);
    assert.strictEqual(h.acks().length, 0);
    h.stream.receive(frame('channel_closed', 0, 0, Buffer.from('{}'), { flags: 3 }));
    assert.strictEqual(h.closedCount(), 1);
  });
});
