/** Rules for tasks that require FARGATE compatibility. */
import { type Node, objects, prop, propNode } from '../document';
import { hasPlaceholder } from '../placeholders';
import { fargateCpuValues, fargateMemoryFor, formatCpuLike, formatMemoryLike, nearest, parseCpuUnits, parseMemoryMiB } from '../units';
import { containerLabel, type TaskContext } from './context';

/** The log drivers Fargate tasks can use. */
const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];

export function fargateRules(ctx: TaskContext): void {
  if (!ctx.isFargate) return;
  const { def } = ctx;
  const compat = prop(def, 'requiresCompatibilities')!;

  const nm = prop(def, 'networkMode');
  if (ctx.networkMode !== undefined && ctx.networkMode !== 'awsvpc' && !hasPlaceholder(ctx.networkMode))
    ctx.error(nm!, 'fargate-requires-awsvpc', `Fargate tasks need "networkMode": "awsvpc", not "${ctx.networkMode}".`);
  else if (!nm) ctx.error(compat, 'fargate-requires-awsvpc', 'Fargate tasks need "networkMode": "awsvpc": add it to the task definition.');

  taskSize(ctx, compat);

  for (const [c, v] of ctx.containerValues('privileged'))
    if (ctx.isTrue(v)) ctx.error(v, 'fargate-privileged', `Fargate does not allow privileged containers: remove "privileged" from ${containerLabel(c)}.`);
  for (const [c, lc] of ctx.containerValues('logConfiguration')) {
    const driverNode = prop(lc, 'logDriver');
    const driver = driverNode?.type === 'string' ? String(driverNode.value) : undefined;
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-logging
    if (driver !== undefined && !hasPlaceholder(driver) && !FARGATE_LOG_DRIVERS.includes(driver))
      ctx.error(driverNode!, 'fargate-log-driver', `Fargate supports the ${FARGATE_LOG_DRIVERS.join(', ')} log drivers, not "${driver}": use awslogs, or send the logs elsewhere through FireLens (awsfirelens) in ${containerLabel(c)}.`);
  }
  for (const [c, v] of ctx.containerValues('links'))
    if ((v.children?.length ?? 0) > 0) ctx.error(v, 'fargate-links', `Fargate (awsvpc) does not support links: remove them from ${containerLabel(c)} and reach the other containers on localhost.`);

  for (const vol of objects(prop(def, 'volumes'))) {
    const sourcePath = prop(prop(vol, 'host'), 'sourcePath');
    if (sourcePath) ctx.error(sourcePath, 'fargate-host-volume', 'Fargate does not support host paths: remove "sourcePath" (an empty "host" gives task storage), or use an EFS volume.');
    const dockerVol = propNode(vol, 'dockerVolumeConfiguration');
    if (prop(vol, 'dockerVolumeConfiguration'))
      ctx.error(dockerVol!, 'fargate-docker-volume', 'Fargate does not support Docker volumes: use "efsVolumeConfiguration" or task storage (no configuration).');
  }

  const pc = prop(def, 'placementConstraints');
  if (pc && (pc.children?.length ?? 0) > 0) ctx.error(pc, 'fargate-placement-constraints', 'Fargate does not support task placement constraints: remove "placementConstraints".');
}

function taskSize(ctx: TaskContext, compat: Node): void {
  const cpuNode = prop(ctx.def, 'cpu');
  const memNode = prop(ctx.def, 'memory');
  if (!cpuNode) ctx.error(compat, 'fargate-cpu-required', 'Fargate tasks need a task-level "cpu" (for example "256" or "1 vCPU").');
  if (!memNode) ctx.error(compat, 'fargate-memory-required', 'Fargate tasks need a task-level "memory" (for example "512" or "2 GB").');
  if (!cpuNode || !memNode) return;
  if ((cpuNode.type === 'string' && hasPlaceholder(cpuNode.value)) || (memNode.type === 'string' && hasPlaceholder(memNode.value))) return;
  const cpu = parseCpuUnits(cpuNode.value);
  const mem = parseMemoryMiB(memNode.value);
  if (cpu === undefined || mem === undefined) return; // reported by the value-form rule
  const cpus = fargateCpuValues();
  const memories = fargateMemoryFor(cpu);
  if (!memories) {
    const fit = cpus.filter((c) => fargateMemoryFor(c)!.includes(mem));
    const pick = fit.length ? nearest(fit, cpu) : nearest(cpus, cpu);
    ctx.error(cpuNode, 'fargate-invalid-cpu', `Fargate has no ${cpu} CPU-unit size. Valid cpu values: ${cpus.join(', ')}${fit.length ? ` (with ${mem} MiB: ${fit.join(', ')})` : ''}.`, {
      replacement: formatCpuLike(cpuNode.value, pick),
    });
    return;
  }
  if (!memories.includes(mem)) {
    const pick = nearest(memories, mem);
    ctx.error(memNode, 'fargate-invalid-memory', `Fargate has no ${cpu} CPU / ${mem} MiB size. With cpu ${cpu}, memory must be one of ${describeMemories(memories)}. Nearest: ${pick}.`, {
      replacement: formatMemoryLike(memNode.value, pick),
    });
  }
  const os = String(prop(prop(ctx.def, 'runtimePlatform'), 'operatingSystemFamily')?.value ?? '');
  if (os.startsWith('WINDOWS') && cpu < 1024) ctx.error(cpuNode, 'fargate-windows-cpu', 'Windows containers on Fargate need at least 1 vCPU (1024).');
}

function describeMemories(m: number[]): string {
  if (m.length <= 8) return m.join(', ');
  return `${m[0]} to ${m[m.length - 1]} in steps of ${m[1] - m[0]}`;
}
