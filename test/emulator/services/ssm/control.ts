/**
 * Control-endpoint routes of Session Manager:
 *
 *   POST /_emulator/ssm/agent  {multiplexing: boolean, region?}  -> {multiplexing}
 *
 * Which agent the region's containers run: one that multiplexes port connections (the default) or an
 * older one with a single connection a session, for clients that must handle both.
 */
import type { ControlRoute } from '../../kit/service';
import { sessionsState } from './sessions';

export const ssmControl: Record<string, ControlRoute> = {
  'POST /_emulator/ssm/agent': (input, core) => {
    if (typeof input.multiplexing !== 'boolean') {
      return [400, { error: 'expected {"multiplexing": true|false, "region"?: "<region>"}' }];
    }
    const state = sessionsState(core.region(typeof input.region === 'string' ? input.region : 'us-east-1'));
    state.multiplexing = input.multiplexing;
    return [200, { multiplexing: state.multiplexing }];
  },
};
