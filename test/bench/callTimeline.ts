/**
 * Where a read's time goes, call by call, for bench:explorer's breakdown line. Two SDK middlewares
 * stamp each call when it is sent, when it is handed to the HTTP handler (serialised and signed),
 * when the reply's headers arrive and when its output is parsed; the sockets replies came on show
 * whether keep-alive connections are reused.
 */
import type { ClientOf } from '../../src/aws/clientManager';

interface CallTimes {
  op: string;
  sent: number;
  handed?: number;
  answered?: number;
  parsed?: number;
}

/** Sums over one read, in ms. */
export interface TimelineSummary {
  /** List calls: sent → handed to the HTTP handler (SDK middleware, serialising, signing). */
  listPrepareMs: number;
  /** List calls: headers → output (body read and parsed). */
  listParseMs: number;
  /** Between one List call's output and the next List call's send: the reader's own code. */
  listGapMs: number;
  /** Describe calls: headers → output; runs beside the List chain, on the same thread. */
  describeParseMs: number;
  /** From the last List page to the end of the read: the Describe calls left to finish. */
  finalDescribeMs: number;
  /** Distinct connections the replies came on. */
  sockets: number;
}

export class CallTimeline {
  private calls: CallTimes[] = [];
  private sockets = new Set<unknown>();
  private readonly byContext = new WeakMap<object, CallTimes>();

  constructor(client: ClientOf<'ecs'>) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const call: CallTimes = { op: context.commandName ?? '', sent: performance.now() };
        this.calls.push(call);
        this.byContext.set(context, call);
        try {
          return await next(args);
        } finally {
          call.parsed = performance.now();
        }
      },
      { step: 'initialize', name: 'benchTimelineSent', priority: 'high' },
    );
    // Low priority within the deserialize step: inside the SDK's deserializer, right at the handler.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const call = this.byContext.get(context);
        if (call) call.handed = performance.now();
        const out = await next(args);
        if (call) call.answered = performance.now();
        this.sockets.add((out.response as { body?: { socket?: unknown } }).body?.socket);
        return out;
      },
      { step: 'deserialize', name: 'benchTimelineWire', priority: 'low' },
    );
  }

  reset(): void {
    this.calls = [];
    this.sockets = new Set();
  }

  summary(readEnd: number): TimelineSummary {
    const done = this.calls.filter((c) => c.handed !== undefined && c.answered !== undefined && c.parsed !== undefined);
    const lists = done.filter((c) => c.op.startsWith('List'));
    const describes = done.filter((c) => c.op.startsWith('Describe'));
    const sum = (calls: CallTimes[], span: (c: CallTimes) => number): number => calls.reduce((total, c) => total + span(c), 0);
    let gaps = 0;
    for (let i = 1; i < lists.length; i++) gaps += lists[i].sent - lists[i - 1].parsed!;
    return {
      listPrepareMs: sum(lists, (c) => c.handed! - c.sent),
      listParseMs: sum(lists, (c) => c.parsed! - c.answered!),
      listGapMs: gaps,
      describeParseMs: sum(describes, (c) => c.parsed! - c.answered!),
      finalDescribeMs: lists.length ? readEnd - lists[lists.length - 1].parsed! : 0,
      sockets: [...this.sockets].filter(Boolean).length,
    };
  }
}
