// RunTask and StartTask answer an unplaceable task with one failure per container instance and
// reason, not one per task: three instances short of memory are three RESOURCE:MEMORY failures for a
// single task. Reasons as "API failure reasons" words them
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/api_failures_messages.html).
const MEANINGS: Record<string, string> = {
  AGENT: 'its container agent is disconnected',
  ATTRIBUTE: 'it lacks an attribute the task definition requires',
  INACTIVE: 'it is deregistered',
  MISSING: 'it could not be found',
  'RESOURCE:CPU': 'the task needs more CPU than it has free',
  'RESOURCE:MEMORY': 'the task needs more memory than it has free',
  'RESOURCE:PORTS': 'a host port the task uses is taken',
  'RESOURCE:ENI': 'it has no free network interface for an awsvpc task',
  'RESOURCE:GPU': 'the task needs more GPUs than it has free',
  'DistinctInstance placement constraint unsatisfied.': 'a task of the same group already runs there (distinctInstance)',
  'MemberOf placement constraint unsatisfied.': 'it does not match the memberOf expression',
};

export interface PlacementFailure {
  arn?: string;
  reason?: string;
}

/** "RESOURCE:MEMORY on 3 container instances (the task needs more memory than it has free)", one part per reason. */
export function describePlacementFailures(failures: PlacementFailure[]): string {
  const byReason = new Map<string, number>();
  for (const f of failures) byReason.set(f.reason ?? 'unknown reason', (byReason.get(f.reason ?? 'unknown reason') ?? 0) + 1);
  return [...byReason]
    .map(([reason, n]) => {
      const meaning = MEANINGS[reason];
      const where = failures.some((f) => f.reason === reason && f.arn?.includes(':container-instance/')) ? ` on ${n} container instance${n === 1 ? '' : 's'}` : n > 1 ? ` (${n} times)` : '';
      return `${reason.replace(/\.$/, '')}${where}${meaning ? ` (${meaning})` : ''}`;
    })
    .join('; ');
}

/** The notification after Run Task: how many of those asked for started, and why the rest did not. */
export function runTaskOutcome(asked: number, started: number, failures: PlacementFailure[]): string {
  const head = started === 0 ? `No task started (${asked} asked for)` : `${started} of ${asked} task${asked === 1 ? '' : 's'} started`;
  return failures.length ? `${head}. Not placed: ${describePlacementFailures(failures)}.` : `${head}.`;
}
