/**
 * Session Manager for ECS containers: StartSession on an `ecs:<cluster>_<task id>_<runtime id>`
 * target (a shell, or a port-forwarding document), TerminateSession, ResumeSession,
 * DescribeSessions (https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_StartSession.html).
 * Managed instances (`i-…`, `mi-…`) are not emulated: they are never connected.
 */
import type * as ssm from '../../generated/ssm';
import { lastPart } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import type { Identity } from '../../kit/identity';
import { page } from '../../kit/paging';
import type { Handlers } from '../../kit/service';
import type { Region } from '../../kit/world';
import { containerPortTarget, remoteHostTarget } from '../ecs/exec/portStandIns';
import { containerWorkdir, resolveTarget, type ExecContainer } from '../ecs/exec/targets';
import { sessionsState, type NewSession, type SessionRecord } from './sessions';

type SessionHandlers = Pick<Handlers<ssm.Operations>, 'StartSession' | 'TerminateSession' | 'ResumeSession' | 'DescribeSessions'>;

/** The Session Manager documents a container session can run; none given is a shell (SSM-SessionManagerRunShell). */
const SHELL = 'SSM-SessionManagerRunShell';
const PORT = 'AWS-StartPortForwardingSession';
const REMOTE = 'AWS-StartPortForwardingSessionToRemoteHost';
const INTERACTIVE = 'AWS-StartInteractiveCommand';

function param(input: ssm.StartSessionRequest, name: string, required: boolean): string | undefined {
  const v = input.Parameters?.[name]?.[0];
  if (required && v === undefined) {
    throw new AwsError('ValidationException', `The document ${input.DocumentName} needs the parameter ${name}.`);
  }
  return v;
}

function portParam(input: ssm.StartSessionRequest): number {
  const v = param(input, 'portNumber', true)!;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > 65535) {
    throw new AwsError('ValidationException', `portNumber ${v} is not a port number (1-65535).`);
  }
  return n;
}

/**
 * The handshake's SessionType Properties of a port document, as its parameters fill its
 * `properties` (`portNumber`, `type: LocalPortForwarding`, `localPortNumber`, and `host` for the
 * remote-host document).
 */
function portProperties(input: ssm.StartSessionRequest, port: number, host?: string): Record<string, string> {
  const local = param(input, 'localPortNumber', false);
  return { portNumber: String(port), type: 'LocalPortForwarding', ...(local !== undefined ? { localPortNumber: local } : {}), ...(host !== undefined ? { host } : {}) };
}

/** What the agent does for the document: the spec of the session it serves. */
async function sessionFor(region: Region, input: ssm.StartSessionRequest, t: ExecContainer): Promise<NewSession> {
  const documentName = input.DocumentName ? lastPart(input.DocumentName) : SHELL;
  const common = { target: input.Target, documentName, reason: input.Reason };
  switch (documentName) {
    case SHELL:
      return { ...common, sessionType: 'Standard_Stream', command: '/bin/sh', workdir: containerWorkdir(region.core, t) };
    case INTERACTIVE:
      return { ...common, sessionType: 'InteractiveCommands', command: param(input, 'command', true), workdir: containerWorkdir(region.core, t) };
    case PORT: {
      const port = portParam(input);
      return { ...common, sessionType: 'Port', connectTo: await containerPortTarget(region, t, port), properties: portProperties(input, port) };
    }
    case REMOTE: {
      const [host, port] = [param(input, 'host', true)!, portParam(input)];
      return { ...common, sessionType: 'Port', connectTo: await remoteHostTarget(region.core, host, port), properties: portProperties(input, port, host) };
    }
    default:
      throw new AwsError('InvalidDocument', `Document with name ${documentName} does not exist.`);
  }
}

/** Session ids are the caller's user or role session name and 17 hex digits (`dina-0a1b2c3d4e5f67890`). */
function sessionId(region: Region, caller: Identity): string {
  return `${lastPart(caller.arn)}-${region.core.rnd.hex(17)}`;
}

const FILTERS: Record<ssm.SessionFilterKey, (s: SessionRecord, v: string) => boolean> = {
  InvokedAfter: (s, v) => s.StartDate.getTime() >= Date.parse(v),
  InvokedBefore: (s, v) => s.StartDate.getTime() <= Date.parse(v),
  Target: (s, v) => s.Target === v,
  Owner: (s, v) => s.Owner === v,
  Status: (s, v) => s.Status === v,
  SessionId: (s, v) => s.SessionId === v,
  AccessType: (_s, v) => v === 'Standard',
};

export const sessionHandlers: SessionHandlers = {
  StartSession: async (input, { region, caller }) => {
    const t = resolveTarget(region, input.Target);
    if (!t) {
      // https://github.com/aws/session-manager-plugin/issues/72: "<target> is not connected."
      throw new AwsError('TargetNotConnected', `${input.Target} is not connected.`);
    }
    const opened = sessionsState(region).open(sessionId(region, caller), caller, await sessionFor(region, input, t));
    return { SessionId: opened.sessionId, TokenValue: opened.tokenValue, StreamUrl: opened.streamUrl };
  },

  // TerminateSession answers for any id (its model lists no not-found error).
  TerminateSession: (input, { region }) => {
    sessionsState(region).terminate(input.SessionId);
    return { SessionId: input.SessionId };
  },

  ResumeSession: (input, { region }) => {
    const resumed = sessionsState(region).resume(input.SessionId);
    if (!resumed) {
      throw new AwsError('DoesNotExistException', `Session ${input.SessionId} does not exist or is not active.`);
    }
    return { SessionId: resumed.sessionId, TokenValue: resumed.tokenValue, StreamUrl: resumed.streamUrl };
  },

  DescribeSessions: (input, { region }) => {
    const filters = input.Filters ?? [];
    const sessions = sessionsState(region).list(input.State).filter((s) => filters.every((f) => FILTERS[f.key](s, f.value)));
    const p = page(sessions, input.MaxResults, input.NextToken, { def: 20, max: 200, error: 'InvalidNextToken', sizeName: 'MaxResults' });
    return { Sessions: p.items, NextToken: p.next };
  },
};
