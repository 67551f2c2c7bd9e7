/**
 * Session Manager sessions of one region: the ones SSM StartSession opens and the ones ECS
 * ExecuteCommand opens through it (ECS Exec sessions are Session Manager sessions: they are listed
 * by DescribeSessions with the document `AmazonECS-ExecuteInteractiveCommand`). Each is handed to
 * the emulator's agent, which serves its data channel; a session the agent no longer has (its
 * shell exited, its connection ended) is history.
 */
import type { AgentSessionSpec } from '../../agent/types';
import type * as ssm from '../../generated/ssm';
import type { Has } from '../../kit/extras';
import type { Identity } from '../../kit/identity';
import { perRegion, type Region } from '../../kit/world';
import { sessionAgentOf } from '../../agent/index';

export type SessionRecord = Has<ssm.Session, 'SessionId' | 'Target' | 'Status' | 'StartDate' | 'Owner' | 'DocumentName'>;

/** What a new session needs besides its id and token (which this module draws). */
export type NewSession = Omit<AgentSessionSpec, 'sessionId' | 'tokenValue'> & { documentName: string; reason?: string };

export interface Opened {
  sessionId: string;
  tokenValue: string;
  streamUrl: string;
}

class SessionsState {
  private readonly sessions = new Map<string, SessionRecord>();
  /**
   * Whether the agents of this region multiplex port connections (agents since 3.0.196.0 do); false
   * plays older agents, one connection a session (`POST /_emulator/ssm/agent {"multiplexing": false}`).
   */
  multiplexing = true;
  constructor(private readonly region: Region) {}

  private get agent() {
    return sessionAgentOf(this.region.core);
  }

  /**
   * Opens a session `sessionId` for `owner`. The token stands for the session and its caller (AWS's
   * are opaque and encrypted); the stream URL is the agent's (agent/types.ts `streamUrl`).
   */
  open(sessionId: string, owner: Identity, s: NewSession): Opened {
    const rnd = this.region.core.rnd;
    const tokenValue = `AAEAA${Buffer.from(rnd.hex(192), 'hex').toString('base64')}`;
    const { documentName, reason, ...spec } = s;
    this.agent.register({ ...spec, sessionId, tokenValue, ...(spec.sessionType === 'Port' ? { multiplexing: this.multiplexing } : {}) });
    this.sessions.set(sessionId, {
      SessionId: sessionId, Target: s.target, Status: 'Connected', StartDate: this.region.now(),
      Owner: owner.arn, DocumentName: documentName, ...(reason ? { Reason: reason } : {}),
    });
    return { sessionId, tokenValue, streamUrl: this.agent.streamUrl(sessionId, this.region.name) };
  }

  /** TerminateSession: the agent closes the channel; the session is history from now. */
  terminate(sessionId: string): void {
    this.agent.terminate(sessionId);
    this.ended(sessionId);
  }

  /** ResumeSession: a new token on the same stream, for a session that is still active. */
  resume(sessionId: string): Opened | undefined {
    this.refresh();
    const tokenValue = this.sessions.get(sessionId)?.Status === 'Connected' ? this.agent.resume(sessionId) : undefined;
    return tokenValue === undefined ? undefined : { sessionId, tokenValue, streamUrl: this.agent.streamUrl(sessionId, this.region.name) };
  }

  /** Active or ended sessions, newest first. */
  list(state: ssm.SessionState): SessionRecord[] {
    this.refresh();
    return [...this.sessions.values()]
      .filter((s) => (state === 'Active') === (s.Status === 'Connected'))
      .sort((a, b) => b.StartDate.getTime() - a.StartDate.getTime());
  }

  /** Sessions whose channel the agent ended (an exited shell, a closed port connection) are terminated. */
  private refresh(): void {
    const active = new Set(this.agent.activeSessions());
    for (const s of this.sessions.values()) {
      if (s.Status === 'Connected' && !active.has(s.SessionId)) {
        this.ended(s.SessionId);
      }
    }
  }

  private ended(sessionId: string): void {
    const s = this.sessions.get(sessionId);
    if (s && s.Status !== 'Terminated') {
      Object.assign(s, { Status: 'Terminated', EndDate: this.region.now() });
    }
  }
}

export const sessionsState = perRegion('ssm-sessions', (region) => new SessionsState(region));
