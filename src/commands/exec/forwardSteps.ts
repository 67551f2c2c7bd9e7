import { isIP } from 'net';
import type { ClientManager } from '../../aws/clientManager';
import { EcsReader } from '../../ecs/ecsReader';
import { input, integerInput, pick } from '../../ui/input';
import type { PickItem } from '../../ui/pagedPick';
import type { Step } from '../../ui/steps';
import type { ExecState } from './target';

const MAX_PORT = 65_535;

export interface ForwardState extends ExecState {
  remote: 'port' | 'other' | 'host';
  remotePort: number;
  remoteHost?: string;
  local: 'same' | 'free' | 'other';
  localPort: number;
}

/** A DNS name, IPv4 or IPv6 address (what SSM's `host` parameter takes), without a port. */
export function isHostName(value: string): boolean {
  return isIP(value.replace(/^\[(.*)\]$/, '$1')) !== 0 || /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/.test(value);
}

/** The container ports of the task's definition (every container: in awsvpc mode they share localhost). */
async function portItems(clients: ClientManager, state: ForwardState): Promise<PickItem<number>[]> {
  const arn = state.task?.taskDefinitionArn;
  const definition = arn ? (await new EcsReader(clients, state.scope).taskDefinition(arn).catch(() => undefined))?.taskDefinition : undefined;
  return (definition?.containerDefinitions ?? []).flatMap((c) =>
    (c.portMappings ?? [])
      .filter((m) => m.containerPort !== undefined)
      .map((m) => ({ label: String(m.containerPort), description: [c.name, m.protocol ?? 'tcp', m.name, m.appProtocol].filter(Boolean).join(' · '), value: m.containerPort! })),
  );
}

/** Remote port (one of the task definition's, another, or a host through the task), then the local port. */
export function forwardSteps(clients: ClientManager): Step<ForwardState>[] {
  return [
    {
      title: 'Port to forward',
      ask: async (view, s) => {
        const ports = await portItems(clients, s);
        const items: PickItem<number | 'other' | 'host'>[] = [
          ...ports,
          { label: '$(edit) Another port of the container…', value: 'other' },
          { label: '$(globe) A host reachable from the task…', description: 'a database or internal endpoint in its VPC', value: 'host' },
        ];
        const chosen = await pick(items, view, ports.length ? 'The container ports of the task definition' : 'The task definition maps no container ports');
        if (typeof chosen === 'number') Object.assign(s, { remote: 'port', remotePort: chosen, remoteHost: undefined });
        else Object.assign(s, { remote: chosen, remoteHost: undefined });
      },
    },
    { title: 'Port of the container', when: (s) => s.remote === 'other', ask: async (view, s) => void (s.remotePort = await integerInput(view, undefined, 1, MAX_PORT, 'The port the container listens on')) },
    {
      title: 'Remote host',
      when: (s) => s.remote === 'host',
      ask: async (view, s) => {
        const host = await input(view, { prompt: 'A host name or IP address the task can reach, e.g. mydb.abc123.eu-west-1.rds.amazonaws.com', validate: (v) => (isHostName(v.trim()) ? undefined : 'A host name or IP address, without a port') });
        s.remoteHost = host.trim();
      },
    },
    { title: (s) => `Port on ${s.remoteHost}`, when: (s) => s.remote === 'host', ask: async (view, s) => void (s.remotePort = await integerInput(view, undefined, 1, MAX_PORT, 'The port on the remote host, e.g. 5432')) },
    {
      title: 'Local port',
      ask: async (view, s) => {
        s.local = await pick<ForwardState['local']>(
          [
            { label: `${s.remotePort}`, description: 'the same port on localhost', value: 'same' },
            { label: 'A free port', description: 'chosen by the system', value: 'free' },
            { label: '$(edit) Another port…', value: 'other' },
          ],
          view,
          'Where to listen on this machine (127.0.0.1)',
        );
        s.localPort = s.local === 'same' ? s.remotePort : 0;
      },
    },
    { title: 'Local port number', when: (s) => s.local === 'other', ask: async (view, s) => void (s.localPort = await integerInput(view, undefined, 1, MAX_PORT, 'A port on 127.0.0.1 that nothing listens on')) },
  ];
}
