/**
 * The last lines a container wrote, for "why did it stop?": injected, so that this layer does not
 * read logs itself (the commands layer passes src/logs' `containerLogTail`, which finds the stream
 * from the task definition the task ran).
 */
import type { ecs } from '../aws/sdk';

export type LogTail = (task: ecs.Task, container: string, lines: number) => Promise<{ lines: string[]; note?: string }>;
