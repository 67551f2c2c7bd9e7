/** What the service page shows, as plain data: the command's result and the webview's input (no imports beyond plain types, so the webview bundle can share it). */
import type { RangeName } from './ranges';
import type { Series } from './series';

export interface AlarmLine {
  name: string;
  policy: string;
  /** Which chart the line belongs on. */
  metric: 'cpu' | 'memory';
  threshold: number;
  comparison: string;
  state?: string;
}

export interface DeploymentMarker {
  id: string;
  status: string;
  rolloutState?: string;
  taskDefinition: string;
  createdAt: string;
  updatedAt?: string;
}

export interface ServiceMetrics {
  cluster: string;
  service: string;
  region: string;
  range: RangeName;
  periodSeconds: number;
  /** The query window (ISO): the same GetMetricData call gives the same numbers. */
  start: string;
  end: string;
  cpu: Series;
  memory: Series;
  running: Series;
  desired: Series;
  taskCounts: 'container-insights' | 'service-events';
  deployments: DeploymentMarker[];
  alarms: AlarmLine[];
  /** Why the alarm lines are missing, when reading them failed (the charts still show). */
  alarmsError?: string;
}
