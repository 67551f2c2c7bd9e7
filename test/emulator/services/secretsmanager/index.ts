/** Secrets Manager, as far as task definitions' `secrets` need it: create, list, describe, get value. */
import type * as sm from '../../generated/secretsmanager';
import { arn } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import { defineService } from '../../kit/service';
import { perRegion, Region } from '../../kit/world';

interface SecretState {
  /** The secret's metadata as ListSecrets shows it (without the version map). */
  entry: sm.SecretListEntry & { ARN: string; Name: string; CreatedDate: Date };
  value?: string;
  versionId: string;
}

class SecretsState {
  readonly secrets = new Map<string, SecretState>();
  constructor(private readonly region: Region) {}

  create(input: sm.CreateSecretRequest, at = this.region.now()): SecretState {
    if (this.secrets.has(input.Name)) {
      throw new AwsError('ResourceExistsException', `The operation failed because the secret ${input.Name} already exists.`);
    }
    const rnd = this.region.core.rnd;
    const suffix = rnd.hex(6).replace(/[0-9]/g, (d) => 'ABCDEFGHIJ'[Number(d)]);
    const s: SecretState = {
      entry: { ARN: arn('secretsmanager', this.region.name, `secret:${input.Name}-${suffix}`), Name: input.Name, Description: input.Description, LastChangedDate: at, Tags: input.Tags ?? [], CreatedDate: at },
      value: input.SecretString,
      versionId: rnd.uuid(),
    };
    this.secrets.set(input.Name, s);
    return s;
  }

  /** By name, ARN, or partial ARN (without the random suffix). */
  find(id: string): SecretState {
    const s = [...this.secrets.values()].find((x) => x.entry.Name === id || x.entry.ARN === id || (id.startsWith('arn:') && x.entry.ARN.startsWith(id)));
    if (!s) {
      throw new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    }
    return s;
  }
}

export const secretsState = perRegion('secretsmanager', (region) => new SecretsState(region));

export const secretsService = defineService<sm.Operations>({
  model: 'secretsmanager',
  iamPrefix: 'secretsmanager',
  validationError: 'InvalidParameterException',
  // InvalidNextTokenException "The NextToken value is invalid." (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_ListSecrets.html).
  pageTokens: { error: 'InvalidNextTokenException', message: 'The NextToken value is invalid.' },
  handlers: {
    CreateSecret: (input, { region }) => {
      const s = secretsState(region).create(input);
      return { ARN: s.entry.ARN, Name: s.entry.Name, VersionId: s.versionId };
    },

    ListSecrets: (input, { region }) => {
      const filters = input.Filters ?? [];
      const items = [...secretsState(region).secrets.values()]
        .filter((s) => filters.every((f) => f.Key !== 'name' || (f.Values ?? []).some((v) => s.entry.Name.startsWith(v))))
        .map((s) => ({ ...s.entry, SecretVersionsToStages: { [s.versionId]: ['AWSCURRENT'] } }));
      const p = page(items, input.MaxResults, input.NextToken, { def: 100, max: 100, error: 'InvalidParameterException', sizeName: 'MaxResults' });
      return { SecretList: p.items, NextToken: p.next };
    },

    DescribeSecret: (input, { region }) => {
      const s = secretsState(region).find(input.SecretId);
      return { ...s.entry, VersionIdsToStages: { [s.versionId]: ['AWSCURRENT'] } };
    },

    GetSecretValue: (input, { region }) => {
      const s = secretsState(region).find(input.SecretId);
      if (input.VersionStage && input.VersionStage !== 'AWSCURRENT') {
        throw new AwsError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for staging label: ${input.VersionStage}`);
      }
      // Secrets Manager records the access date, not time.
      s.entry.LastAccessedDate = new Date(Math.floor(region.now().getTime() / 86_400_000) * 86_400_000);
      return { ARN: s.entry.ARN, Name: s.entry.Name, VersionId: s.versionId, SecretString: s.value, VersionStages: ['AWSCURRENT'], CreatedDate: s.entry.CreatedDate };
    },
  },
});
