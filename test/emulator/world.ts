/** The emulator's state: one RegionState per region (created on first use), sharing one clock. */
import { Scheduler } from './clock';
import { Random, Input } from './util';
import { EcsState } from './services/ecs-state';
import { EcsSim } from './services/ecs-sim';
import { EcrState } from './services/ecr';
import { LogsState } from './services/logs';
import { ScalingState } from './services/autoscaling';
import { ElbState } from './services/elbv2';
import { SecretsState } from './services/secrets';

export interface RegistryConfig {
  /** Base URL of a Docker registry (distribution) reachable from here, e.g. http://127.0.0.1:5000 */
  url: string;
  user: string;
  password: string;
}

export class Core {
  readonly regions = new Map<string, RegionState>();
  readonly rnd = new Random();
  /** Temporary access keys handed out by STS -> the identity they stand for. */
  readonly sessions = new Map<string, { arn: string; userId: string }>();
  constructor(
    readonly sched: Scheduler,
    readonly registry?: RegistryConfig,
  ) {}

  region(name: string): RegionState {
    let r = this.regions.get(name);
    if (!r) {
      r = new RegionState(name, this);
      this.regions.set(name, r);
    }
    return r;
  }
}

export class RegionState {
  readonly ecs: EcsState;
  readonly sim: EcsSim;
  readonly ecr: EcrState;
  readonly logs: LogsState;
  readonly scaling: ScalingState;
  readonly elb: ElbState;
  readonly secrets: SecretsState;
  constructor(
    readonly name: string,
    readonly core: Core,
  ) {
    this.ecs = new EcsState(this);
    this.sim = new EcsSim(this);
    this.ecr = new EcrState(this);
    this.logs = new LogsState(this);
    this.scaling = new ScalingState();
    this.elb = new ElbState();
    this.secrets = new SecretsState(this);
  }

  now(): Date {
    return this.core.sched.now();
  }
}

export interface Context {
  core: Core;
  region: RegionState;
  /** e.g. `ecs:ListServices` */
  action: string;
  /** Access key id of the request's credentials (from its Authorization header). */
  accessKeyId?: string;
}

export type Handler = (input: Input, ctx: Context) => unknown;
export type Handlers = Record<string, Handler>;
