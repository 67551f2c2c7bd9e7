/** Rules about containers and how they refer to each other and to volumes. */
import { didYouMean } from '../didYouMean';
import { type Node, bool, items, keyNode, num, objects, prop, str } from '../document';
import { hasPlaceholder } from '../placeholders';
import { deref, schemaFor } from '../schema';
import { misspelledKey } from '../schemaValidation';
import { type ContainerInfo, containerAnchor, containerLabel, type TaskContext } from './context';

export function containerRules(ctx: TaskContext): void {
  requiredFields(ctx);
  duplicateNames(ctx);
  essential(ctx);
  dependsOn(ctx);
  volumeReferences(ctx);
  links(ctx);
  ports(ctx);
}

function requiredFields(ctx: TaskContext): void {
  const root = schemaFor('task');
  const containerSchema = deref(root, root.properties!.containerDefinitions.items!);
  // A misspelled "imagee" is reported once, as the unknown property it is ("did you mean image?").
  const missing = (c: ContainerInfo, key: string) => !prop(c.node, key) && !misspelledKey(containerSchema, c.node, key);
  for (const c of ctx.containers) {
    if (missing(c, 'name')) ctx.error(c.node, 'missing-container-name', `Container #${c.index + 1} needs a "name".`);
    if (missing(c, 'image')) ctx.error(containerAnchor(c), 'missing-container-image', `${capital(containerLabel(c))} needs an "image".`);
  }
}

function duplicateNames(ctx: TaskContext): void {
  const seen = new Set<string>();
  for (const c of ctx.containers) {
    if (!c.name) continue;
    if (seen.has(c.name)) ctx.error(prop(c.node, 'name')!, 'duplicate-container-name', `Another container is already named "${c.name}": container names must be unique in a task definition.`);
    seen.add(c.name);
  }
}

function essential(ctx: TaskContext): void {
  if (ctx.containers.length === 0 || !ctx.containerNamesKnown) return;
  if (ctx.containers.every((c) => bool(prop(c.node, 'essential')) === false)) {
    // Containers alone (a Terraform file): on the first "essential": false, not on the whole file.
    const anchor = ctx.def ? keyNode(ctx.def, 'containerDefinitions')!.parent! : prop(ctx.containers[0].node, 'essential')!;
    ctx.error(anchor, 'no-essential-container', 'At least one container must be essential: set "essential": true on the main container (absent means true).');
  }
}

function dependsOn(ctx: TaskContext): void {
  const byName = new Map(ctx.containers.filter((c) => c.name).map((c) => [c.name!, c]));
  const edges = new Map<string, { target: string; node: Node }[]>();
  for (const c of ctx.containers) {
    for (const dep of objects(prop(c.node, 'dependsOn'))) {
      const nameNode = prop(dep, 'containerName');
      const target = str(nameNode);
      if (!nameNode || target === undefined || hasPlaceholder(target)) continue;
      const targetC = byName.get(target);
      if (!targetC) {
        if (!ctx.containerNamesKnown) continue;
        const suggestion = didYouMean(target, ctx.containerNames);
        ctx.error(nameNode, 'depends-on-missing-container', `No container named "${target}" in this task definition${suggestion ? `: did you mean "${suggestion}"?` : '.'}`, suggestion ? { suggestion } : undefined);
        continue;
      }
      if (c.name) {
        const list = edges.get(c.name) ?? [];
        list.push({ target, node: nameNode });
        edges.set(c.name, list);
      }
      const condNode = prop(dep, 'condition');
      const cond = str(condNode);
      if (cond === 'HEALTHY' && !prop(targetC.node, 'healthCheck'))
        ctx.error(condNode!, 'depends-on-healthy-without-healthcheck', `Condition HEALTHY needs a "healthCheck" on container "${target}": add one, or use START.`);
      const essentialNode = prop(targetC.node, 'essential');
      if ((cond === 'COMPLETE' || cond === 'SUCCESS') && (!essentialNode || bool(essentialNode) === true))
        ctx.warning(condNode!, 'depends-on-exit-of-essential', `Condition ${cond} waits for "${target}" to exit, but it is essential (the task stops when it exits): set "essential": false on "${target}".`);
    }
  }
  reportCycles(ctx, edges);
}

/**
 * Tarjan's strongly connected components; every edge inside a cycle is reported. Iterative: a chain
 * of thousands of dependencies would overflow the stack of a recursive walk.
 */
function reportCycles(ctx: TaskContext, edges: Map<string, { target: string; node: Node }[]>): void {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const component = new Map<string, number>();
  let compId = 0;
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
  };
  for (const root of edges.keys()) {
    if (idx.has(root)) continue;
    visit(root);
    // Each frame: a node and the position of the next edge to follow.
    const frames: { v: string; next: number }[] = [{ v: root, next: 0 }];
    while (frames.length) {
      const f = frames[frames.length - 1];
      const out = edges.get(f.v) ?? [];
      if (f.next < out.length) {
        const w = out[f.next++].target;
        if (!idx.has(w)) {
          visit(w);
          frames.push({ v: w, next: 0 });
        } else if (onStack.has(w)) low.set(f.v, Math.min(low.get(f.v)!, idx.get(w)!));
        continue;
      }
      frames.pop();
      if (low.get(f.v) === idx.get(f.v)) {
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.set(w, compId);
        } while (w !== f.v);
        compId++;
      }
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(f.v)!));
    }
  }
  for (const [from, list] of edges) {
    for (const e of list) {
      if (e.target === from) ctx.error(e.node, 'depends-on-cycle', `Container "${from}" depends on itself: remove this dependency.`);
      else if (component.get(from) === component.get(e.target))
        ctx.error(e.node, 'depends-on-cycle', `Dependency cycle: "${from}" depends on "${e.target}", which depends (directly or not) on "${from}". ECS cannot start either: break the cycle.`);
    }
  }
}

function volumeReferences(ctx: TaskContext): void {
  const volumeList = prop(ctx.def, 'volumes');
  const volumes = new Set(objects(volumeList).map((v) => str(prop(v, 'name'))).filter((n): n is string => !!n));
  // A volume (or its name, or the list) written as a placeholder may be the one a mount point names.
  const volumesKnown = (!volumeList || volumeList.type === 'array') && items(volumeList).every((v) => v.type === 'object' && !hasPlaceholder(str(prop(v, 'name')) ?? ''));
  for (const c of ctx.containers) {
    // The volumes are the task's: with the containers alone, any name may be one of them.
    for (const mp of ctx.taskKnown ? objects(prop(c.node, 'mountPoints')) : []) {
      const sv = prop(mp, 'sourceVolume');
      const name = str(sv);
      if (!sv || name === undefined || hasPlaceholder(name) || volumes.has(name) || !volumesKnown) continue;
      const suggestion = didYouMean(name, volumes);
      ctx.error(sv, 'mount-point-unknown-volume', `No volume named "${name}" in "volumes"${suggestion ? `: did you mean "${suggestion}"?` : ''}. Add it to the task's "volumes" or fix the name.`, {
        ...(suggestion ? { suggestion } : {}),
        volumeName: name,
      });
    }
    for (const vf of objects(prop(c.node, 'volumesFrom'))) {
      const sc = prop(vf, 'sourceContainer');
      const name = str(sc);
      if (!sc || name === undefined || hasPlaceholder(name) || ctx.containerNames.has(name) || !ctx.containerNamesKnown) continue;
      const suggestion = didYouMean(name, ctx.containerNames);
      ctx.error(sc, 'volumes-from-missing-container', `No container named "${name}" to take volumes from${suggestion ? `: did you mean "${suggestion}"?` : '.'}`, suggestion ? { suggestion } : undefined);
    }
  }
}

function links(ctx: TaskContext): void {
  for (const [c, v] of ctx.containerValues('links')) {
    if ((v.children?.length ?? 0) === 0) continue;
    const mode = ctx.effectiveNetworkMode;
    if (!ctx.isFargate && mode !== undefined && mode !== 'bridge' && !hasPlaceholder(mode))
      ctx.error(v, 'links-requires-bridge', `"links" only work in bridge network mode (this task uses "${mode}"): remove them; containers reach each other on localhost.`);
    for (const l of v.children ?? []) {
      const target = str(l)?.split(':')[0];
      if (target === undefined || hasPlaceholder(target) || ctx.containerNames.has(target) || !ctx.containerNamesKnown) continue;
      const suggestion = didYouMean(target, ctx.containerNames);
      ctx.error(l, 'link-missing-container', `${capital(containerLabel(c))} links to "${target}", which is not a container of this task${suggestion ? `: did you mean "${suggestion}"?` : '.'}`);
    }
  }
}

function ports(ctx: TaskContext): void {
  // An unknown mode (the containers alone) is checked as bridge: only explicit host ports can clash.
  const mode = ctx.effectiveNetworkMode;
  const hostEqualsContainer = mode === 'awsvpc' || mode === 'host';
  const taskPorts = new Map<string, string>();
  for (const c of ctx.containers) {
    const own = new Set<string>();
    for (const pm of objects(prop(c.node, 'portMappings'))) {
      const cpNode = prop(pm, 'containerPort');
      const hpNode = prop(pm, 'hostPort');
      const cp = num(cpNode);
      const hp = num(hpNode);
      const protocol = str(prop(pm, 'protocol')) ?? 'tcp';
      if (hostEqualsContainer && hpNode && hp !== undefined && cp !== undefined && hp !== cp)
        ctx.error(hpNode, 'host-port-mismatch', `${hostPortRuleHolds(ctx)} "hostPort" must be omitted or equal "containerPort" (${cp}): remove it or set it to ${cp}.`, { replacement: cp });
      if (cp === undefined) continue;
      const key = `${cp}/${protocol}`;
      if (own.has(key)) ctx.error(cpNode!, 'duplicate-port-mapping', `${capital(containerLabel(c))} maps container port ${key} twice: remove one mapping.`);
      own.add(key);
      const hostPort = hostEqualsContainer ? cp : hp;
      if (!hostPort) continue; // dynamic host port in bridge mode
      const hostKey = `${hostPort}/${protocol}`;
      const other = taskPorts.get(hostKey);
      if (other !== undefined && other !== (c.name ?? String(c.index)))
        ctx.error(hpNode ?? cpNode!, 'duplicate-port-mapping', `Port ${hostKey} is already used by container "${other}" in this task: ${hostEqualsContainer ? 'containers share one network namespace' : 'one host port serves one container'}.`);
      else taskPorts.set(hostKey, c.name ?? String(c.index));
    }
  }
}

/**
 * Why hostPort must equal containerPort, in the file's own terms: the network mode as written
 * (awsvpc, host), else Fargate (no networkMode, or a wrong one, which fargate-requires-awsvpc reports).
 */
function hostPortRuleHolds(ctx: TaskContext): string {
  if (ctx.networkMode === 'awsvpc' || ctx.networkMode === 'host') return `In ${ctx.networkMode} network mode`;
  return 'On Fargate';
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
