// Live values for completion, from the user's account through the shared ClientManager. The core
// (CachedLiveValues) caches the answers for 60 s and gives up after 300 ms, so typing never waits.
// No `vscode` here: it ships in the lazy dist/taskdef.js and is tested under plain Node.
import { parseEcrImageUri, resourceName } from '../aws/arn';
import type { ClientManager } from '../aws/clientManager';
import { readPages, type Page } from '../aws/paging';
import type { Sdk } from '../aws/sdkLoader';
import { EcrService } from '../ecr/ecrService';
import type { LiveValue, LiveValueProvider, LiveValueRequest } from '../taskdef';

/**
 * Completion filters what it is given, so every page is read (the last of 5,000 roles or 1,000
 * clusters must be offered); the cache in front answers while this runs and keeps the result. The
 * bound only stops a runaway account from holding the editor's memory.
 */
const MAX_ITEMS = 20_000;
const TASK_PRINCIPAL = 'ecs-tasks.amazonaws.com';

/** Every item of a paged list, up to `MAX_ITEMS`. */
async function collect<T>(pageSize: number, fetchPage: (token: string | undefined, maxResults: number) => Promise<Page<T>>): Promise<T[]> {
  return (await readPages({ limit: MAX_ITEMS }, pageSize, fetchPage)).items.slice(0, MAX_ITEMS);
}

/** Whether a role's trust policy (URL-encoded JSON, as IAM returns it) lets ECS tasks assume it. */
export function trustsEcsTasks(policyDocument: string | undefined): boolean {
  if (!policyDocument) return false;
  try {
    const policy = JSON.parse(decodeURIComponent(policyDocument)) as { Statement?: unknown };
    const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
    return statements.some((s: { Effect?: string; Principal?: { Service?: string | string[] } } | undefined) => {
      const service = s?.Principal?.Service;
      return s?.Effect !== 'Deny' && (Array.isArray(service) ? service.includes(TASK_PRINCIPAL) : service === TASK_PRINCIPAL);
    });
  } catch {
    return false;
  }
}

const day = (d: Date | undefined) => (d ? d.toISOString().slice(0, 10) : undefined);

export class AwsLiveValues implements LiveValueProvider {
  /** `loadSdk` is passed in, so the SDK stays behind the entry bundle's one door (aws/sdkLoader). */
  constructor(
    private readonly clients: ClientManager,
    private readonly loadSdk: () => Promise<Sdk>,
  ) {}

  async provide(request: LiveValueRequest, abortSignal: AbortSignal): Promise<LiveValue[]> {
    const opts = { abortSignal };
    const sdk = await this.loadSdk();
    switch (request.kind) {
      case 'ecrRepository': {
        const ecr = await this.clients.client('ecr');
        const repos = await collect(1000, async (nextToken, max) => {
          const out = await ecr.send(new sdk.ecr.DescribeRepositoriesCommand({ nextToken, maxResults: max }), opts);
          return { items: out.repositories, nextToken: out.nextToken };
        });
        return repos.map((r) => ({ value: r.repositoryUri ?? '', detail: 'ECR repository', documentation: r.createdAt ? `Created ${day(r.createdAt)}` : undefined }));
      }
      case 'ecrImageTag': {
        const uri = request.repositoryUri ?? '';
        const ecrRef = parseEcrImageUri(uri);
        const region = ecrRef?.region;
        // Another host form (a local registry's host:port) of a repository the account listed: the name after the host.
        const repositoryName = ecrRef?.repositoryName ?? uri.replace(/^[^/]*\//, '');
        // Every page, newest first (ECR answers in no order); the answer is cached, and completion never waits long for it.
        const images = await new EcrService(this.clients, { region }).allImages(repositoryName, { filter: { tagStatus: 'TAGGED' }, registryId: ecrRef?.registryId, abortSignal });
        return images.flatMap((image) =>
          (image.imageTags ?? []).map((tag) => ({ value: `${uri}:${tag}`, label: tag, detail: `pushed ${day(image.imagePushedAt) ?? '?'}`, documentation: `\`${image.imageDigest ?? ''}\`` })),
        );
      }
      case 'iamRole': {
        const iam = await this.clients.client('iam');
        const roles = await collect(1000, async (Marker, max) => {
          const out = await iam.send(new sdk.iam.ListRolesCommand({ Marker, MaxItems: max }), opts);
          return { items: out.Roles, nextToken: out.IsTruncated ? out.Marker : undefined };
        });
        return roles
          .filter((r) => trustsEcsTasks(r.AssumeRolePolicyDocument))
          .map((r) => ({ value: r.Arn ?? '', label: r.RoleName, detail: `IAM role trusted by ${TASK_PRINCIPAL}`, documentation: [r.Arn, r.Description].filter(Boolean).join('\n\n') }));
      }
      case 'logGroup': {
        const logs = await this.clients.client('logs');
        const groups = await collect(50, async (nextToken, max) => {
          const out = await logs.send(new sdk.logs.DescribeLogGroupsCommand({ nextToken, limit: max }), opts);
          return { items: out.logGroups, nextToken: out.nextToken };
        });
        return groups.map((g) => ({ value: g.logGroupName ?? '', detail: g.retentionInDays ? `log group, ${g.retentionInDays} days retention` : 'log group' }));
      }
      case 'secret':
        return this.secretsAndParameters(sdk, opts);
      case 'cluster': {
        const ecs = await this.clients.client('ecs');
        const arns = await collect(100, async (nextToken, max) => {
          const out = await ecs.send(new sdk.ecs.ListClustersCommand({ nextToken, maxResults: max }), opts);
          return { items: out.clusterArns, nextToken: out.nextToken };
        });
        return arns.map((arn) => ({ value: resourceName(arn), detail: arn }));
      }
      case 'taskDefinitionFamily': {
        const ecs = await this.clients.client('ecs');
        const families = await collect(100, async (nextToken, max) => {
          const out = await ecs.send(new sdk.ecs.ListTaskDefinitionFamiliesCommand({ nextToken, status: 'ACTIVE', maxResults: max }), opts);
          return { items: out.families, nextToken: out.nextToken };
        });
        return families.map((value) => ({ value, detail: 'task definition family (ACTIVE)' }));
      }
      default:
        // Target groups, subnets and security groups need ELBv2/EC2 clients the extension does not use yet.
        return [];
    }
  }

  /** `valueFrom`: Secrets Manager secrets and SSM parameters; one of the two failing (no permission) keeps the other. */
  private async secretsAndParameters(sdk: Sdk, opts: { abortSignal: AbortSignal }): Promise<LiveValue[]> {
    const secrets = (async () => {
      const client = await this.clients.client('secretsmanager');
      const list = await collect(100, async (NextToken, max) => {
        const out = await client.send(new sdk.secretsmanager.ListSecretsCommand({ NextToken, MaxResults: max }), opts);
        return { items: out.SecretList, nextToken: out.NextToken };
      });
      return list.map((s) => ({ value: s.ARN ?? '', label: s.Name, detail: 'Secrets Manager secret', documentation: [s.ARN, s.Description].filter(Boolean).join('\n\n') }));
    })();
    const parameters = (async () => {
      const client = await this.clients.client('ssm');
      const list = await collect(50, async (NextToken, max) => {
        const out = await client.send(new sdk.ssm.DescribeParametersCommand({ NextToken, MaxResults: max }), opts);
        return { items: out.Parameters, nextToken: out.NextToken };
      });
      return list.map((p) => ({ value: p.ARN ?? p.Name ?? '', label: p.Name, detail: `SSM parameter (${p.Type ?? '?'})`, documentation: p.Description }));
    })();
    const settled = await Promise.allSettled([secrets, parameters]);
    const values = settled.flatMap((s) => (s.status === 'fulfilled' ? s.value : []));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (!values.length && failed) throw failed.reason;
    return values;
  }
}
