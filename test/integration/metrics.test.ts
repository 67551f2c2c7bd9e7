import * as assert from 'assert';
import * as vscode from 'vscode';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { hasDriver, screenshot, webviewText } from './support/driver';
import { eventually } from './support/tree';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';

interface ShowMetricsResult {
  panelId: string;
  start: string;
  end: string;
  periodSeconds: number;
  cpu: { timestamps: string[]; values: number[] };
  memory: { timestamps: string[]; values: number[] };
}

const dims = [{ Name: 'ClusterName', Value: 'demo-fargate' }, { Name: 'ServiceName', Value: 'api' }];

function metricTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label === 'Metrics: api');
}

describe('Service metrics: the service page', function () {
  this.timeout(120_000);
  let account: EmulatorAccount;

  before(async () => {
    // The real clock: the seed's tasks ran in the hour before now, which is what the page asks for.
    account = await useEmulatorAccount({ seed: 'demo', clock: 'real' });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await account?.close();
  });

  it('Show Metrics returns what CloudWatch GetMetricData returns for the same query, and the page draws it', async () => {
    const result = (await vscode.commands.executeCommand('ecsWorkbench.showServiceMetrics', { cluster: 'demo-fargate', service: 'api' })) as ShowMetricsResult;
    const cw = new CloudWatchClient({ endpoint: account.emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'demo-secret' } });
    const query = (Id: string, MetricName: string) => ({ Id, MetricStat: { Metric: { Namespace: 'AWS/ECS', MetricName, Dimensions: dims }, Period: 60, Stat: 'Average' } });
    const out = await cw.send(new GetMetricDataCommand({ StartTime: new Date(result.start), EndTime: new Date(result.end), ScanBy: 'TimestampAscending', MetricDataQueries: [query('cpu', 'CPUUtilization'), query('memory', 'MemoryUtilization')] }));
    const [cpu, memory] = out.MetricDataResults!;
    assert.strictEqual(result.periodSeconds, 60);
    assert.ok(result.cpu.values.length >= 59, `an hour of api's three tasks: ${result.cpu.values.length} points`);
    assert.deepStrictEqual(result.cpu, { timestamps: cpu.Timestamps!.map((t) => t.toISOString()), values: cpu.Values });
    assert.deepStrictEqual(result.memory, { timestamps: memory.Timestamps!.map((t) => t.toISOString()), values: memory.Values });
    // The tab reaches the extension host's tab model after the panel is created.
    await eventually(() => metricTabs().length === 1 || undefined, 'one page, titled after the service');

    // Again, over 6 h (api's deployment two hours ago shows as a marker): the same page, revealed, not a second one.
    const again = (await vscode.commands.executeCommand('ecsWorkbench.showServiceMetrics', { cluster: 'demo-fargate', service: 'api', range: '6h' })) as ShowMetricsResult;
    assert.strictEqual(again.panelId, result.panelId);
    assert.strictEqual(metricTabs().length, 1);

    if (hasDriver()) {
      // What a person sees inside the webview: the status line, the legends and the range buttons.
      await webviewText('#status', ['demo-fargate / api', 'us-east-1', 'last 6 h, 300 s per point', 'tasks from Container Insights']);
      await webviewText('body', ['CPU utilization', 'Memory utilization', 'Tasks running and desired', 'CPU %', 'Running', 'Desired', '6 h', '7 d']);
      // The README picture: the explorer beside the page, no panel below it.
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await vscode.commands.executeCommand('workbench.view.extension.ecsWorkbench');
      await webviewText('#status', ['last 6 h']);
      await screenshot('service-metrics');
    }
  });

  it('refuses an invalid argument object with what is expected', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.showServiceMetrics', { cluster: 'demo-fargate', range: '2d' })),
      /ecsWorkbench\.showServiceMetrics: "service" is missing\. Expected \{ cluster, service, region\?, profile\?, range\?/,
    );
  });
});
