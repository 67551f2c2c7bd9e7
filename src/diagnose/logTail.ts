/**
 * The last lines a container wrote, for "why did it stop?": injected, so that this layer does not
 * read logs itself (the commands layer passes src/logs' `containerLogTail`, which finds the stream
 * from the task definition the task ran).
 */
import type { ecs } from '../aws/sdk';

/** `taskDefinition` is the one the task ran, when it could be read (so the reader need not read it again). */
export type LogTail = (task: ecs.Task, taskDefinition: ecs.TaskDefinition | undefined, container: string, lines: number) => Promise<{ lines: string[]; note?: string }>;
