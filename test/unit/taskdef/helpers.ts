import * as assert from 'assert';
import * as path from 'path';
import { runCli } from '../../../src/taskdef/cli';
import { validate } from '../../../src/taskdef/validate';
import type { DocumentKind, TaskdefDiagnostic } from '../../../src/taskdef/types';

export function lint(def: unknown, kind: DocumentKind = 'task'): TaskdefDiagnostic[] {
  const text = typeof def === 'string' ? def : JSON.stringify(def, null, 2);
  return validate(text, { kind }).diagnostics;
}

export function errors(def: unknown, kind: DocumentKind = 'task'): TaskdefDiagnostic[] {
  return lint(def, kind).filter((d) => d.severity === 'error');
}

/** `code@pointer` of every error. */
export function errorKeys(def: unknown, kind: DocumentKind = 'task'): string[] {
  return errors(def, kind).map((d) => `${d.code}@${d.pointer}`);
}

export function assertNoErrors(def: unknown, kind: DocumentKind = 'task'): void {
  assert.deepStrictEqual(errorKeys(def, kind), []);
}

export function assertError(def: unknown, code: string, pointer: string, kind: DocumentKind = 'task'): TaskdefDiagnostic {
  const found = lint(def, kind).find((d) => d.code === code && d.pointer === pointer);
  assert.ok(found, `expected ${code}@${pointer}, got ${JSON.stringify(lint(def, kind).map((d) => `${d.code}@${d.pointer}`))}`);
  return found!;
}

/** The repository root (tests run from out/test/unit/taskdef). */
export const REPO = path.resolve(__dirname, '..', '..', '..', '..');

/** A valid Fargate task definition to start each test from. */
export function fargateTask(over: Record<string, unknown> = {}, container: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    family: 'web',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: 'app',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0',
        essential: true,
        portMappings: [{ containerPort: 80, protocol: 'tcp' }],
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'app' } },
        ...container,
      },
    ],
    ...over,
  };
}

export function ec2Task(containers: Record<string, unknown>[], over: Record<string, unknown> = {}): Record<string, unknown> {
  return { family: 'svc', containerDefinitions: containers, ...over };
}

/**
 * The CLI core on in-memory files (paths as given, or relative to `cwd` when one is given), with
 * what it wrote and its exit code.
 */
export function runCliOn(args: string[], files: Record<string, string>, cwd?: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(args, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    readFile: (p) => {
      const key = cwd ? path.relative(cwd, path.resolve(cwd, p)).split(path.sep).join('/') : p;
      if (!(key in files)) throw new Error('ENOENT: no such file');
      return files[key];
    },
    ...(cwd ? { cwd } : {}),
  });
  return { code, out, err };
}
