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

/**
 * A service's cost as the page, the tooltip and the confirmations say it, in plain strings: the
 * figure for its desired count, the range of its auto-scaling target, where the prices came from.
 */
export type ServiceCostView =
  | {
      /** "≈ $54.06/month (3 tasks × $18.02)". */
      figure: string;
      /** The bounds of its auto-scaling target: "2–10 tasks: $36.04–$180.20/month". */
      range?: string;
      /** Where the prices came from and as of when: "AWS Price List, read 2025-12-01" / "bundled price snapshot of 2025-11-30". */
      source: string;
      /** Sentences to read with the figure (Spot varies, an EC2 share is an estimate…). */
      notes: string[];
    }
  | { problem: string };
