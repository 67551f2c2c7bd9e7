/**
 * What a service folder gives the kit: its model key, IAM prefix, validation error, and one handler
 * per operation, typed from the generated shapes (generated/<service>.ts `Operations`).
 *
 *   export const ssoService = defineService<sso.Operations>({
 *     model: 'sso', iamPrefix: 'sso', validationError: 'InvalidRequestException',
 *     handlers: { ListAccounts: (input, ctx) => ({ accountList: [...] }), ... },
 *   });
 */
import { defaultIdentity, type Identity } from './identity';
import type { TokenRules } from './page-tokens';
import type { Violation } from './validate';
import type { Core, Region } from './world';

export interface Context {
  core: Core;
  region: Region;
  /** e.g. `ecs:ListServices` */
  action: string;
  requestId: string;
  /** Access key id of the request's credentials (SigV4 requests). */
  accessKeyId?: string;
  /** Whom the credentials stand for. */
  caller: Identity;
}

type Awaitable<T> = T | Promise<T>;
type OperationTypes<O> = { [K in keyof O]: { input: unknown; output: unknown } };

export type Handlers<O extends OperationTypes<O>> = {
  [K in keyof O]: (input: O[K]['input'], ctx: Context) => Awaitable<O[K]['output']>;
};

/** A control-endpoint route a service adds: JSON in, [status, JSON] out. */
export type ControlRoute = (input: Record<string, unknown>, core: Core, url: URL) => Awaitable<[number, unknown]>;

export interface ServiceDefinition<O extends OperationTypes<O>> {
  /** The service's key in generated/aws-model.json. */
  model: string;
  /** IAM action prefix, for `calls()`, faults and AccessDenied messages (`ecs`, `application-autoscaling`). */
  iamPrefix: string;
  /** Error code of constraint violations (default ValidationException, `ValidationError` in query protocols). */
  validationError?: string;
  /** A service's own wording of a pattern violation, where it has one (ECR). */
  patternMessage?: (v: Violation) => string | undefined;
  /** The resource ARN an AccessDenied fault names for a plain resource name (ECS: the cluster). */
  deniedResourceArn?: (name: string, region: string) => string;
  /** Error codes the service documents but its model does not list (EC2 models no errors), with their HTTP status. */
  documentedErrors?: Record<string, number>;
  /** How the service refuses a paging token of another query, and how long its tokens live (page-tokens.ts); default: its validation error. */
  pageTokens?: TokenRules;
  handlers: Handlers<O>;
  /** Extra control-endpoint routes, keyed `METHOD /_emulator/...`. */
  control?: Record<string, ControlRoute>;
}

/** A service as the server sees it (handlers untyped). */
export interface RegisteredService {
  model: string;
  iamPrefix: string;
  validationError: string;
  patternMessage?: (v: Violation) => string | undefined;
  deniedResourceArn?: (name: string, region: string) => string;
  documentedErrors: Record<string, number>;
  pageTokens: TokenRules;
  handlers: Record<string, (input: unknown, ctx: Context) => unknown>;
  control: Record<string, ControlRoute>;
}

export function defineService<O extends OperationTypes<O>>(def: ServiceDefinition<O>): RegisteredService {
  const validationError = def.validationError ?? 'ValidationException';
  return {
    ...def,
    validationError,
    pageTokens: def.pageTokens ?? { error: validationError, message: 'The nextToken is not valid.' },
    handlers: def.handlers as unknown as RegisteredService['handlers'],
    documentedErrors: def.documentedErrors ?? {},
    control: def.control ?? {},
  };
}

/** The context seeds call handlers with (the account's default identity). */
export function seedContext(region: Region): Context {
  return { core: region.core, region, action: 'seed', requestId: 'seed', caller: defaultIdentity(region.name) };
}
