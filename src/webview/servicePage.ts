/**
 * The service page's script, bundled on its own for the webview (dist/webview/servicePage.js, see
 * esbuild.js): draws what the extension sends with uPlot, in the theme's colours. Range buttons are
 * buttons; each chart has an aria-label with its latest value and a data table follows the charts.
 */
import uPlot from 'uplot';
import type { ServiceCostView, ServiceMetrics } from '../metrics/model';
import type { Series } from '../metrics/series';
import { RANGES, RANGE_NAMES, type RangeName } from '../metrics/ranges';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const charts = new Map<string, uPlot>();
const $ = (id: string): HTMLElement => document.getElementById(id)!;

function colour(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

const seconds = (s: Series): number[] => s.timestamps.map((t) => Date.parse(t) / 1000);
const time = (iso: string): string => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const last = (s: Series, unit: string): string => (s.values.length ? `${s.values[s.values.length - 1].toFixed(1)}${unit} at ${time(s.timestamps[s.timestamps.length - 1])}` : 'no data');

/** Vertical deployment markers and horizontal alarm lines, drawn over the plot. */
function overlay(m: ServiceMetrics, lines: { value: number; label: string }[]): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const ctx = u.ctx;
        const { left, top, width, height } = u.bbox;
        ctx.save();
        ctx.lineWidth = devicePixelRatio;
        // uPlot's axes leave the context right-aligned.
        ctx.textAlign = 'left';
        ctx.textBaseline = 'bottom';
        ctx.font = `${11 * devicePixelRatio}px ${colour('--vscode-font-family', 'sans-serif')}`;
        ctx.strokeStyle = ctx.fillStyle = colour('--vscode-charts-purple', '#b180d7');
        for (const d of m.deployments) {
          const x = u.valToPos(Date.parse(d.createdAt) / 1000, 'x', true);
          if (x < left || x > left + width) continue;
          ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
          ctx.beginPath();
          ctx.moveTo(x, top);
          ctx.lineTo(x, top + height);
          ctx.stroke();
          ctx.fillText(d.taskDefinition, x + 3 * devicePixelRatio, top + 12 * devicePixelRatio);
        }
        ctx.strokeStyle = ctx.fillStyle = colour('--vscode-charts-red', '#f14c4c');
        for (const l of lines) {
          const y = u.valToPos(l.value, 'y', true);
          if (y < top || y > top + height) continue;
          ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
          ctx.beginPath();
          ctx.moveTo(left, y);
          ctx.lineTo(left + width, y);
          ctx.stroke();
          // A scale-in line's label below it, a scale-out line's above: the two sit close together.
          const below = l.label.includes('<');
          ctx.textBaseline = below ? 'top' : 'bottom';
          ctx.fillText(l.label, left + 4 * devicePixelRatio, y + (below ? 3 : -3) * devicePixelRatio);
        }
        ctx.restore();
      },
    },
  };
}

function draw(id: string, m: ServiceMetrics, series: { label: string; data: Series; stroke: string }[], unit: string, max: number | undefined, lines: { value: number; label: string }[]): void {
  const host = $(id);
  const x = seconds(series[0].data);
  const fg = colour('--vscode-foreground', '#ccc');
  const grid = colour('--vscode-editorWidget-border', '#4446');
  const start = Date.parse(m.start) / 1000;
  const end = Date.parse(m.end) / 1000;
  const opts: uPlot.Options = {
    width: Math.max(300, host.clientWidth),
    height: 180,
    scales: { x: { time: true, range: [start, end] }, y: { range: (_u, lo, hi) => [0, Math.max(max ?? 0, hi ?? 0, ...lines.map((l) => l.value * 1.1), lo > 0 ? 1 : 1)] } },
    axes: [{ stroke: fg, grid: { stroke: grid } }, { stroke: fg, grid: { stroke: grid }, values: (_u, vals) => vals.map((v) => `${v}${unit}`) }],
    series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.stroke, width: 2, points: { show: false }, spanGaps: false }))],
    legend: { show: true },
    plugins: [overlay(m, lines)],
  };
  const values = series.map((s) => x.map((t) => {
    const i = s.data.timestamps.findIndex((iso) => Date.parse(iso) / 1000 === t);
    return i < 0 ? null : s.data.values[i];
  }));
  charts.get(id)?.destroy();
  host.replaceChildren();
  charts.set(id, new uPlot(opts, [x, ...values] as uPlot.AlignedData, host));
  host.setAttribute('aria-label', `${host.dataset.title}: ${series.map((s) => `${s.label} ${last(s.data, unit)}`).join('; ')}`);
}

function table(m: ServiceMetrics): void {
  const rows = m.cpu.timestamps.slice(-12).reverse().map((t) => {
    const at = (s: Series) => s.values[s.timestamps.indexOf(t)]?.toFixed(1) ?? '–';
    return `<tr><td>${time(t)}</td><td>${at(m.cpu)}</td><td>${at(m.memory)}</td><td>${at(m.running)}</td><td>${at(m.desired)}</td></tr>`;
  });
  $('table').innerHTML = `<table><caption>Latest datapoints (period ${m.periodSeconds} s)</caption><thead><tr><th scope="col">Time</th><th scope="col">CPU %</th><th scope="col">Memory %</th><th scope="col">Running</th><th scope="col">Desired</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function render(m: ServiceMetrics): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-range]')) b.setAttribute('aria-pressed', String(b.dataset.range === m.range));
  const alarmLines = (metric: 'cpu' | 'memory') => m.alarms.filter((a) => a.metric === metric).map((a) => ({ value: a.threshold, label: `alarm ${/Greater/.test(a.comparison) ? '>' : '<'} ${a.threshold} %` }));
  draw('cpu', m, [{ label: 'CPU %', data: m.cpu, stroke: colour('--vscode-charts-blue', '#3794ff') }], ' %', 100, alarmLines('cpu'));
  draw('memory', m, [{ label: 'Memory %', data: m.memory, stroke: colour('--vscode-charts-green', '#89d185') }], ' %', 100, alarmLines('memory'));
  draw('tasks', m, [
    { label: 'Running', data: m.running, stroke: colour('--vscode-charts-yellow', '#cca700') },
    { label: 'Desired', data: m.desired, stroke: colour('--vscode-charts-orange', '#d18616') },
  ], '', undefined, []);
  table(m);
  $('status').textContent = `${m.cluster} / ${m.service} · ${m.region} · last ${RANGES[m.range].label}, ${m.periodSeconds} s per point · tasks from ${m.taskCounts === 'container-insights' ? 'Container Insights' : 'service events'} · updated ${new Date().toLocaleTimeString()}${m.alarmsError ? ` · alarms unavailable: ${m.alarmsError}` : ''}`;
}

/** The Cost line: the figure, the auto-scaling range and the prices' source, its notes below (text only, never HTML). */
function showCost(cost: ServiceCostView): void {
  const line = $('cost');
  if ('problem' in cost) {
    line.textContent = `Cost: ${cost.problem}`;
    return;
  }
  line.textContent = `Cost ${[cost.figure, cost.range && `auto scaling ${cost.range}`, cost.source].filter(Boolean).join(' · ')}`;
  for (const note of cost.notes) {
    const span = document.createElement('span');
    span.className = 'note';
    span.textContent = note;
    line.append(span);
  }
}

for (const range of RANGE_NAMES) {
  const b = document.querySelector<HTMLButtonElement>(`button[data-range="${range}"]`);
  b?.addEventListener('click', () => vscode.postMessage({ type: 'range', range: range as RangeName }));
}
window.addEventListener('message', (event: MessageEvent<{ type: string; metrics?: ServiceMetrics; cost?: ServiceCostView; error?: string }>) => {
  if (event.data.type === 'metrics' && event.data.metrics) render(event.data.metrics);
  if (event.data.type === 'cost' && event.data.cost) showCost(event.data.cost);
  if (event.data.type === 'error') $('status').textContent = event.data.error ?? 'Could not read the metrics.';
});
vscode.postMessage({ type: 'ready' });
