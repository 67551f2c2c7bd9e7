/** Task and container memory / cpu consistency. */
import { num, prop } from '../document';
import { hasPlaceholder } from '../placeholders';
import { parseCpuUnits, parseMemoryMiB } from '../units';
import { containerAnchor, containerLabel, type TaskContext } from './context';

export function resourceRules(ctx: TaskContext): void {
  const taskMemNode = prop(ctx.def, 'memory');
  const taskCpuNode = prop(ctx.def, 'cpu');
  valueForm(ctx);
  const taskMem = taskMemNode ? parseMemoryMiB(taskMemNode.value) : undefined;
  const taskCpu = taskCpuNode ? parseCpuUnits(taskCpuNode.value) : undefined;

  let cpuSum = 0;
  for (const c of ctx.containers) {
    const memNode = prop(c.node, 'memory');
    const resNode = prop(c.node, 'memoryReservation');
    const mem = num(memNode);
    const res = num(resNode);
    if (ctx.taskKnown && !taskMemNode && !memNode && !resNode && !ctx.isFargate)
      ctx.error(containerAnchor(c), 'container-memory-missing', `${cap(containerLabel(c))} needs "memory" or "memoryReservation" (in MiB) when the task has no task-level "memory".`);
    if (taskMem !== undefined && mem !== undefined && mem > taskMem)
      ctx.error(memNode!, 'container-memory-exceeds-task', `Container memory ${mem} MiB is above the task's ${taskMem} MiB: lower it or raise the task memory.`, { replacement: taskMem });
    else if (taskMem !== undefined && res !== undefined && res > taskMem)
      ctx.error(resNode!, 'container-memory-exceeds-task', `Container memoryReservation ${res} MiB is above the task's ${taskMem} MiB: lower it or raise the task memory.`, { replacement: taskMem });
    if (mem !== undefined && res !== undefined && res > mem)
      ctx.error(resNode!, 'memory-reservation-exceeds-memory', `"memoryReservation" (${res}) must not exceed "memory" (${mem}), the hard limit: lower it.`, { replacement: mem });
    const cpuNode = prop(c.node, 'cpu');
    const cpu = num(cpuNode);
    if (cpu === undefined || taskCpu === undefined) continue;
    const before = cpuSum;
    cpuSum += cpu;
    if (cpuSum > taskCpu && before <= taskCpu)
      ctx.error(cpuNode!, 'container-cpu-exceeds-task', cpu > taskCpu
        ? `${cap(containerLabel(c))} asks for ${cpu} CPU units, more than the task's ${taskCpu}: lower it or raise the task cpu.`
        : `The containers' cpu adds up to ${cpuSum} CPU units here, above the task's ${taskCpu}: lower the container values or raise the task cpu.`);
  }
}

/** Task-level cpu/memory must be digits or the documented unit forms. */
function valueForm(ctx: TaskContext): void {
  const cpuNode = prop(ctx.def, 'cpu');
  if (cpuNode?.type === 'string' && !hasPlaceholder(cpuNode.value) && parseCpuUnits(cpuNode.value) === undefined)
    ctx.error(cpuNode, 'invalid-task-cpu', `"${cpuNode.value}" is not a cpu value: use CPU units ("1024") or vCPUs ("1 vCPU", ".25 vCPU").`);
  const memNode = prop(ctx.def, 'memory');
  if (memNode?.type === 'string' && !hasPlaceholder(memNode.value) && parseMemoryMiB(memNode.value) === undefined)
    ctx.error(memNode, 'invalid-task-memory', `"${memNode.value}" is not a memory value: use MiB ("2048") or GB ("2 GB").`);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
