/**
 * When an unacknowledged stream message is sent again: the reference client's estimate, TCP's
 * (RFC 6298) smoothing with its constants. On each acknowledgement, with R the measured round trip:
 *   RTTVAR = 3/4 RTTVAR + 1/4 |SRTT − R|,  SRTT = 7/8 SRTT + 1/8 R,
 *   RTO = SRTT + max(clock granularity, 4 RTTVAR), at most 1 s.
 * It starts at SRTT 100 ms, RTTVAR 0, RTO 200 ms.
 */
export const RETRANSMISSION = {
  initialRoundTripMs: 100,
  initialVariationMs: 0,
  initialTimeoutMs: 200,
  clockGranularityMs: 10,
  maxTimeoutMs: 1000,
  rttGain: 1 / 8,
  variationGain: 1 / 4,
  /** How often the outgoing buffer is checked for an overdue message. */
  checkIntervalMs: 100,
  /** Resends of one message before the session is given up (5 minutes of checks). */
  maxAttempts: 3000,
} as const;

export class RetransmissionTimer {
  roundTripMs: number = RETRANSMISSION.initialRoundTripMs;
  variationMs: number = RETRANSMISSION.initialVariationMs;
  timeoutMs: number = RETRANSMISSION.initialTimeoutMs;

  /** A message sent at `sentAt` was acknowledged at `now`. */
  measured(sentAt: number, now: number): void {
    const sample = Math.max(0, now - sentAt);
    this.variationMs = (1 - RETRANSMISSION.variationGain) * this.variationMs + RETRANSMISSION.variationGain * Math.abs(this.roundTripMs - sample);
    this.roundTripMs = (1 - RETRANSMISSION.rttGain) * this.roundTripMs + RETRANSMISSION.rttGain * sample;
    const timeout = this.roundTripMs + Math.max(RETRANSMISSION.clockGranularityMs, 4 * this.variationMs);
    this.timeoutMs = Math.min(timeout, RETRANSMISSION.maxTimeoutMs);
  }
}
