/**
 * Port sessions, as amazon-ssm-agent's port plugin serves them (plugins/port: port.go, port_basic.go,
 * port_mux.go). Multiplexed when the session is LocalPortForwarding, the agent is one that multiplexes
 * and the client's version is 1.1.70 or later (the plugin, for its part, multiplexes only with agents
 * after 3.0.196.0): the data channel then carries an smux v1 session and each smux stream is one TCP
 * connection to the target (mux.ts). Otherwise one TCP connection for the session (basic): the client's
 * DisconnectToPort flag closes it and the next data opens a new one; a connection the target closes is
 * opened again on the next data too.
 */
import * as net from 'net';
import { FlagValue, PayloadType } from './frame';
import { agentVersionOf, compareVersions, MUX_CLIENT_VERSION, sessionProperties } from './handshake';
import { muxPort } from './mux';
import type { PluginOutput, SessionPlugin } from './session';
import type { Delivery } from './stream';
import type { AgentSessionSpec } from './types';

export function portPlugin(spec: AgentSessionSpec, clientVersion: string, out: PluginOutput): SessionPlugin {
  const target = spec.connectTo;
  if (!target) {
    throw new Error(`port session ${spec.sessionId} has no connectTo`);
  }
  const local = sessionProperties(spec).type === 'LocalPortForwarding';
  const muxAgent = compareVersions(agentVersionOf(spec), '3.0.196.0') > 0;
  if (local && muxAgent && clientVersion && compareVersions(clientVersion, MUX_CLIENT_VERSION) >= 0) {
    return muxPort(target, out);
  }
  return basicPort(target, out);
}

function readFlag(payload: Buffer): number | undefined {
  return payload.length >= 4 ? payload.readUInt32BE(0) : undefined;
}

function basicPort(target: { host: string; port: number }, out: PluginOutput): SessionPlugin {
  let conn: net.Socket | undefined;
  let connected = false;
  let paused = false;
  let stopped = false;

  const connect = (): void => {
    const socket = net.connect(target.port, target.host);
    conn = socket;
    connected = false;
    socket.on('connect', () => {
      connected = true;
      if (paused) {
        socket.pause();
      }
    });
    socket.on('data', (d) => out.send(PayloadType.output, d));
    socket.on('error', (e) => {
      if (!connected && conn === socket && !stopped) {
        out.end(`Unable to connect to specified port: ${e.message}`);
      }
    });
    socket.on('close', () => {
      if (conn === socket) {
        // Read error or the target closed: wait for the client's next data to connect again.
        conn = undefined;
      }
    });
  };

  return {
    start: connect,
    input(payloadType: number, payload: Buffer): Delivery {
      if (stopped) {
        return 'done';
      }
      if (payloadType === PayloadType.output) {
        if (!conn) {
          connect();
        }
        conn!.write(payload);
      } else if (payloadType === PayloadType.flag) {
        const flag = readFlag(payload);
        if (flag === FlagValue.disconnectToPort) {
          conn?.destroy();
          conn = undefined;
        } else if (flag === FlagValue.terminateSession) {
          out.end('');
        }
      }
      return 'done';
    },
    window(open: boolean) {
      paused = !open;
      if (connected) {
        if (paused) {
          conn?.pause();
        } else {
          conn?.resume();
        }
      }
    },
    stop() {
      stopped = true;
      conn?.destroy();
      conn = undefined;
    },
  };
}
