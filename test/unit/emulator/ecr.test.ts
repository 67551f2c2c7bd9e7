import * as assert from 'assert';
import {
  ECRClient, CreateRepositoryCommand, DescribeRepositoriesCommand, DeleteRepositoryCommand, DescribeImagesCommand,
  ListImagesCommand, BatchDeleteImageCommand, StartImageScanCommand, DescribeImageScanFindingsCommand,
  GetAuthorizationTokenCommand, PutImageTagMutabilityCommand, PutImageScanningConfigurationCommand,
  TagResourceCommand, ListTagsForResourceCommand,
} from '@aws-sdk/client-ecr';
import { startEmulator, EmulatorHandle } from '../../emulator/index';
import { rejectsWith, sdkConfig, useEmulator } from './helpers';
import { pushImage, registryAvailable, RunningRegistry, startRegistry } from './registry-helpers';

describe('emulator: ECR', () => {
  const ctx = useEmulator({ seed: 'demo' });
  let ecr: ECRClient;
  before(() => {
    ecr = new ECRClient(sdkConfig(ctx.emu));
  });

  it('describes the demo repositories', async () => {
    const r = await ecr.send(new DescribeRepositoriesCommand({}));
    assert.deepStrictEqual(r.repositories?.map((x) => x.repositoryName), ['demo/api', 'demo/web', 'demo/worker', 'demo/batch', 'demo/empty']);
    const api = r.repositories![0];
    assert.strictEqual(api.repositoryUri, '123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/api');
    assert.strictEqual(api.repositoryArn, 'arn:aws:ecr:us-east-1:123456789012:repository/demo/api');
    assert.strictEqual(api.imageScanningConfiguration?.scanOnPush, true);
    assert.ok(api.createdAt instanceof Date);
    await rejectsWith(ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['ghost'] })), 'RepositoryNotFoundException');
  });

  it('describes and lists images, with tags, digests, sizes and scan summaries', async () => {
    const d = await ecr.send(new DescribeImagesCommand({ repositoryName: 'demo/api' }));
    assert.strictEqual(d.imageDetails?.length, 4);
    // ECR guarantees no order: the newest is found by sorting on imagePushedAt.
    const newest = [...d.imageDetails!].sort((a, b) => b.imagePushedAt!.getTime() - a.imagePushedAt!.getTime())[0];
    assert.deepStrictEqual(newest.imageTags, ['1.2.0', 'latest']);
    assert.match(newest.imageDigest ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.ok((newest.imageSizeInBytes ?? 0) > 1_000_000);
    assert.strictEqual(newest.imageScanStatus?.status, 'COMPLETE');
    assert.ok(Object.keys(newest.imageScanFindingsSummary?.findingSeverityCounts ?? {}).length > 0);
    const untagged = await ecr.send(new DescribeImagesCommand({ repositoryName: 'demo/api', filter: { tagStatus: 'UNTAGGED' } }));
    assert.strictEqual(untagged.imageDetails?.length, 1);
    assert.strictEqual(untagged.imageDetails![0].imageTags, undefined);
    const l = await ecr.send(new ListImagesCommand({ repositoryName: 'demo/api', maxResults: 2 }));
    assert.strictEqual(l.imageIds?.length, 2);
    assert.ok(l.nextToken);
    await rejectsWith(ecr.send(new DescribeImagesCommand({ repositoryName: 'demo/api', imageIds: [{ imageTag: 'nope' }] })), 'ImageNotFoundException');
  });

  it('DescribeImages and ListImages come in no particular order (by digest), the same across pages: sort over all pages', async () => {
    const pages: { digest: string; pushed: number }[][] = [];
    let nextToken: string | undefined;
    do {
      const p = await ecr.send(new DescribeImagesCommand({ repositoryName: 'demo/api', maxResults: 2, nextToken }));
      pages.push(p.imageDetails!.map((i) => ({ digest: i.imageDigest!, pushed: i.imagePushedAt!.getTime() })));
      nextToken = p.nextToken;
    } while (nextToken);
    const all = pages.flat();
    assert.deepStrictEqual(all.map((x) => x.digest), [...all.map((x) => x.digest)].sort(), 'by digest');
    const web = await ecr.send(new DescribeImagesCommand({ repositoryName: 'demo/web', maxResults: 1 }));
    assert.deepStrictEqual(web.imageDetails?.map((i) => i.imageTags), [['2.0.0']], 'the newest (2.1.0, latest) is on page 2: sorting one page by date finds the wrong "latest"');
    const ids = await ecr.send(new ListImagesCommand({ repositoryName: 'demo/api' }));
    const digests = ids.imageIds!.map((i) => i.imageDigest!);
    assert.deepStrictEqual(digests, [...digests].sort());
  });

  it('scans: findings are paged; a new scan goes IN_PROGRESS then COMPLETE; quota per day', async () => {
    const f = await ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: 'demo/api', imageId: { imageTag: 'latest' }, maxResults: 1 }));
    assert.strictEqual(f.imageScanStatus?.status, 'COMPLETE');
    assert.strictEqual(f.imageScanFindings?.findings?.length, 1);
    assert.match(f.imageScanFindings!.findings![0].name!, /^CVE-/);
    assert.ok(f.nextToken);
    await rejectsWith(ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: 'demo/web', imageId: { imageTag: '2.0.0' } })), 'ScanNotFoundException');
    const s = await ecr.send(new StartImageScanCommand({ repositoryName: 'demo/web', imageId: { imageTag: '2.0.0' } }));
    assert.strictEqual(s.imageScanStatus?.status, 'IN_PROGRESS');
    await ctx.emu.clock.advance(10_000);
    const done = await ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: 'demo/web', imageId: { imageTag: '2.0.0' } }));
    assert.strictEqual(done.imageScanStatus?.status, 'COMPLETE');
    await rejectsWith(ecr.send(new StartImageScanCommand({ repositoryName: 'demo/web', imageId: { imageTag: '2.0.0' } })), 'LimitExceededException');
  });

  it('creates and deletes repositories (force needed when images remain)', async () => {
    const c = await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/new-app', imageTagMutability: 'IMMUTABLE' }));
    assert.strictEqual(c.repository?.imageTagMutability, 'IMMUTABLE');
    await rejectsWith(ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/new-app' })), 'RepositoryAlreadyExistsException');
    await rejectsWith(ecr.send(new CreateRepositoryCommand({ repositoryName: 'Bad_Name!' })), 'InvalidParameterException');
    await ecr.send(new DeleteRepositoryCommand({ repositoryName: 'team/new-app' }));
    await rejectsWith(ecr.send(new DeleteRepositoryCommand({ repositoryName: 'demo/batch' })), 'RepositoryNotEmptyException');
    await ecr.send(new DeleteRepositoryCommand({ repositoryName: 'demo/batch', force: true }));
    await rejectsWith(ecr.send(new DescribeImagesCommand({ repositoryName: 'demo/batch' })), 'RepositoryNotFoundException');
  });

  it('BatchDeleteImage removes a tag, or the image with its last tag, and reports failures', async () => {
    const r = await ecr.send(new BatchDeleteImageCommand({ repositoryName: 'demo/web', imageIds: [{ imageTag: 'latest' }, { imageTag: 'ghost' }] }));
    assert.strictEqual(r.imageIds?.length, 1);
    assert.deepStrictEqual(r.failures?.map((f) => f.failureCode), ['ImageNotFound']);
    let d = await ecr.send(new DescribeImagesCommand({ repositoryName: 'demo/web' }));
    assert.deepStrictEqual(d.imageDetails?.map((i) => i.imageTags).sort(), [['2.0.0'], ['2.1.0']]);
    await ecr.send(new BatchDeleteImageCommand({ repositoryName: 'demo/web', imageIds: [{ imageTag: '2.1.0' }] }));
    d = await ecr.send(new DescribeImagesCommand({ repositoryName: 'demo/web' }));
    assert.deepStrictEqual(d.imageDetails?.map((i) => i.imageTags), [['2.0.0']]);
  });

  it('a tag put on another image moves there, also after the image that held it lost or dropped it', async () => {
    const state = ctx.emu.region().ecr;
    const repo = state.createRepo({ repositoryName: 'moves/tags' });
    const a = state.putImage(repo, 'latest', { digest: 'sha256:' + 'a'.repeat(64) });
    state.putImage(repo, 'v1', { digest: a.imageDigest });
    const b = state.putImage(repo, 'latest', { digest: 'sha256:' + 'b'.repeat(64) });
    assert.deepStrictEqual([a.imageTags, b.imageTags], [['v1'], ['latest']]);
    const tags = async (): Promise<string[]> => ((await ecr.send(new ListImagesCommand({ repositoryName: 'moves/tags' }))).imageIds ?? []).map((i) => `${i.imageDigest?.slice(7, 8)}:${i.imageTag ?? '(untagged)'}`).sort();
    assert.deepStrictEqual(await tags(), ['a:v1', 'b:latest']);
    await ecr.send(new BatchDeleteImageCommand({ repositoryName: 'moves/tags', imageIds: [{ imageDigest: b.imageDigest }] }));
    const c = state.putImage(repo, 'latest', { digest: 'sha256:' + 'c'.repeat(64) });
    state.putImage(repo, 'v1', { digest: c.imageDigest });
    assert.deepStrictEqual(await tags(), ['a:(untagged)', 'c:latest', 'c:v1']);
    assert.strictEqual(state.putImage(repo, 'v2', { digest: a.imageDigest }), a, 'the same digest is the same image');
    assert.deepStrictEqual(await tags(), ['a:v2', 'c:latest', 'c:v1']);
  });

  it('settings and tags of a repository', async () => {
    const m = await ecr.send(new PutImageTagMutabilityCommand({ repositoryName: 'demo/worker', imageTagMutability: 'IMMUTABLE' }));
    assert.strictEqual(m.imageTagMutability, 'IMMUTABLE');
    const s = await ecr.send(new PutImageScanningConfigurationCommand({ repositoryName: 'demo/worker', imageScanningConfiguration: { scanOnPush: false } }));
    assert.strictEqual(s.imageScanningConfiguration?.scanOnPush, false);
    const arn = 'arn:aws:ecr:us-east-1:123456789012:repository/demo/api';
    await ecr.send(new TagResourceCommand({ resourceArn: arn, tags: [{ Key: 'env', Value: 'dev' }] }));
    const t = await ecr.send(new ListTagsForResourceCommand({ resourceArn: arn }));
    assert.deepStrictEqual(t.tags, [{ Key: 'team', Value: 'platform' }, { Key: 'env', Value: 'dev' }]);
  });

  it('GetAuthorizationToken returns base64("AWS:password"), an expiry and the proxy endpoint', async () => {
    const r = await ecr.send(new GetAuthorizationTokenCommand({}));
    const a = r.authorizationData![0];
    assert.match(Buffer.from(a.authorizationToken!, 'base64').toString(), /^AWS:.+/);
    assert.strictEqual(a.proxyEndpoint, 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com');
    assert.ok(a.expiresAt! > ctx.emu.clock.now());
  });
});

describe('emulator: ECR backed by a real registry', function () {
  let reg: RunningRegistry;
  let emu: EmulatorHandle;
  let ecr: ECRClient;

  before(async function () {
    if (!registryAvailable()) {
      console.log('      (skipped: Debian docker-registry / htpasswd not installed: apt-get install docker-registry apache2-utils)');
      this.skip();
    }
    reg = await startRegistry();
    emu = await startEmulator({ seed: 'empty', registry: { url: reg.url, user: reg.user, password: reg.password } });
    ecr = new ECRClient(sdkConfig(emu));
  });

  after(async () => {
    await emu?.close();
    await reg?.stop();
  });

  it('hands out the registry as proxyEndpoint with its credentials; repository URIs keep the ECR form', async () => {
    const a = (await ecr.send(new GetAuthorizationTokenCommand({}))).authorizationData![0];
    assert.strictEqual(a.proxyEndpoint, reg.url);
    assert.strictEqual(Buffer.from(a.authorizationToken!, 'base64').toString(), `AWS:${reg.password}`);
    const repo = await ecr.send(new CreateRepositoryCommand({ repositoryName: 'pushed/app', imageScanningConfiguration: { scanOnPush: true } }));
    assert.strictEqual(repo.repository?.repositoryUri, '123456789012.dkr.ecr.us-east-1.amazonaws.com/pushed/app');
  });

  it('a push to the registry shows up in DescribeImages, with scan on push', async () => {
    const digest = await pushImage(reg, 'pushed/app', 'v1');
    await pushImage(reg, 'pushed/app', 'v1-copy', 'v1');
    const d = await ecr.send(new DescribeImagesCommand({ repositoryName: 'pushed/app' }));
    assert.strictEqual(d.imageDetails?.length, 1);
    const img = d.imageDetails![0];
    assert.strictEqual(img.imageDigest, digest);
    assert.deepStrictEqual([...img.imageTags!].sort(), ['v1', 'v1-copy']);
    assert.ok((img.imageSizeInBytes ?? 0) > 1000);
    assert.strictEqual(img.imageManifestMediaType, 'application/vnd.docker.distribution.manifest.v2+json');
    assert.strictEqual(img.imageScanStatus?.status, 'IN_PROGRESS');
    await emu.clock.advance(10_000);
    const f = await ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: 'pushed/app', imageId: { imageTag: 'v1' } }));
    assert.strictEqual(f.imageScanStatus?.status, 'COMPLETE');
  });

  it('BatchDeleteImage deletes from the registry', async () => {
    const digest = await pushImage(reg, 'pushed/app', 'v2');
    await ecr.send(new BatchDeleteImageCommand({ repositoryName: 'pushed/app', imageIds: [{ imageDigest: digest }] }));
    const l = await ecr.send(new ListImagesCommand({ repositoryName: 'pushed/app' }));
    assert.ok(!l.imageIds?.some((i) => i.imageDigest === digest));
    const res = await fetch(`${reg.url}/v2/pushed/app/manifests/${digest}`, { headers: { Authorization: 'Basic ' + Buffer.from(`AWS:${reg.password}`).toString('base64'), Accept: 'application/vnd.docker.distribution.manifest.v2+json' } });
    assert.strictEqual(res.status, 404);
  });
});
