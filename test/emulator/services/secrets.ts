/** Secrets Manager and SSM Parameter Store: what task definitions' `secrets` point at. */
import { AwsError } from '../errors';
import { arn, page, Input } from '../util';
import type { Handlers, RegionState } from '../world';
import type { Obj } from './ecs-state';

export class SecretsState {
  /** secret name -> secret (with `_value`, `_versionId`). */
  readonly secrets = new Map<string, Obj>();
  /** parameter name -> parameter (with `_description`). */
  readonly parameters = new Map<string, Obj>();

  constructor(private readonly region: RegionState) {}

  createSecret(input: Input, at = this.region.now()): Obj {
    if (this.secrets.has(input.Name)) {
      throw new AwsError('ResourceExistsException', `The operation failed because the secret ${input.Name} already exists.`);
    }
    const rnd = this.region.core.rnd;
    const suffix = rnd.hex(6).replace(/[0-9]/g, (d) => 'ABCDEFGHIJ'[Number(d)]);
    const secret: Obj = {
      ARN: arn('secretsmanager', this.region.name, `secret:${input.Name}-${suffix}`),
      Name: input.Name,
      Description: input.Description,
      LastChangedDate: at,
      Tags: input.Tags ?? [],
      CreatedDate: at,
      _value: input.SecretString,
      _versionId: rnd.uuid(),
    };
    this.secrets.set(input.Name, secret);
    return secret;
  }

  secret(id: string): Obj {
    const s = [...this.secrets.values()].find((x) => x.Name === id || x.ARN === id || (id.startsWith('arn:') && x.ARN.startsWith(id)));
    if (!s) {
      throw new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    }
    return s;
  }

  putParameter(input: Input, at = this.region.now()): Obj {
    const existing = this.parameters.get(input.Name);
    if (existing && !input.Overwrite) {
      throw new AwsError('ParameterAlreadyExists', 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.');
    }
    const p: Obj = {
      Name: input.Name,
      Type: input.Type ?? existing?.Type ?? 'String',
      Value: input.Value,
      Version: (existing?.Version ?? 0) + 1,
      LastModifiedDate: at,
      ARN: arn('ssm', this.region.name, `parameter/${String(input.Name).replace(/^\//, '')}`),
      DataType: input.DataType ?? 'text',
      _description: input.Description ?? existing?._description,
    };
    this.parameters.set(input.Name, p);
    return p;
  }

  parameterByName(nameOrArn: string): Obj | undefined {
    const name = nameOrArn.startsWith('arn:') ? '/' + nameOrArn.split(':parameter/')[1] : nameOrArn;
    return this.parameters.get(name) ?? this.parameters.get(name.replace(/^\//, ''));
  }
}

function secretView(s: Obj): Obj {
  return { ARN: s.ARN, Name: s.Name, Description: s.Description, LastChangedDate: s.LastChangedDate, LastAccessedDate: s.LastAccessedDate, Tags: s.Tags, CreatedDate: s.CreatedDate };
}

function parameterView(p: Obj, decrypt: boolean): Obj {
  const { _description, ...rest } = p;
  void _description;
  if (p.Type === 'SecureString' && !decrypt) {
    rest.Value = Buffer.from(`kms-encrypted:${p.Value}`).toString('base64');
  }
  return rest;
}

export const secretsHandlers: Handlers = {
  CreateSecret: (input, { region }) => {
    const s = region.secrets.createSecret(input);
    return { ARN: s.ARN, Name: s.Name, VersionId: s._versionId };
  },

  ListSecrets: (input, { region }) => {
    const filters = (input.Filters ?? []) as Obj[];
    const items = [...region.secrets.secrets.values()]
      .filter((s) => filters.every((f) => f.Key !== 'name' || (f.Values as string[]).some((v) => s.Name.startsWith(v))))
      .map((s) => ({ ...secretView(s), SecretVersionsToStages: { [s._versionId]: ['AWSCURRENT'] } }));
    const p = page(items, input.MaxResults, input.NextToken, { def: 100, max: 100, error: 'InvalidParameterException', sizeName: 'MaxResults' });
    return { SecretList: p.items, NextToken: p.next };
  },

  DescribeSecret: (input, { region }) => {
    const s = region.secrets.secret(input.SecretId);
    return { ...secretView(s), VersionIdsToStages: { [s._versionId]: ['AWSCURRENT'] } };
  },

  GetSecretValue: (input, { region }) => {
    const s = region.secrets.secret(input.SecretId);
    if (input.VersionStage && input.VersionStage !== 'AWSCURRENT') {
      throw new AwsError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for staging label: ${input.VersionStage}`);
    }
    s.LastAccessedDate = new Date(Math.floor(region.now().getTime() / 86_400_000) * 86_400_000);
    return { ARN: s.ARN, Name: s.Name, VersionId: s._versionId, SecretString: s._value, VersionStages: ['AWSCURRENT'], CreatedDate: s.CreatedDate };
  },
};

export const ssmHandlers: Handlers = {
  PutParameter: (input, { region }) => ({ Version: region.secrets.putParameter(input).Version, Tier: 'Standard' }),

  GetParameter: (input, { region }) => {
    const p = region.secrets.parameterByName(input.Name);
    if (!p) {
      throw new AwsError('ParameterNotFound', '');
    }
    return { Parameter: parameterView(p, input.WithDecryption === true) };
  },

  GetParameters: (input, { region }) => {
    const names = input.Names as string[];
    if (names.length > 10) {
      throw new AwsError('ValidationException', `1 validation error detected: Value '[${names.join(', ')}]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 10`);
    }
    const found = names.map((n) => region.secrets.parameterByName(n));
    return {
      Parameters: found.filter((p): p is Obj => p !== undefined).map((p) => parameterView(p, input.WithDecryption === true)),
      InvalidParameters: names.filter((_, i) => !found[i]),
    };
  },

  GetParametersByPath: (input, { region }) => {
    const path = String(input.Path).endsWith('/') ? input.Path : `${input.Path}/`;
    const items = [...region.secrets.parameters.values()]
      .filter((p) => p.Name.startsWith(path) && (input.Recursive || !p.Name.slice(path.length).includes('/')))
      .sort((a, b) => (a.Name < b.Name ? -1 : 1))
      .map((p) => parameterView(p, input.WithDecryption === true));
    const p = page(items, input.MaxResults, input.NextToken, { def: 10, max: 10, error: 'ValidationException', sizeName: 'MaxResults' });
    return { Parameters: p.items, NextToken: p.next };
  },

  DescribeParameters: (input, { region }) => {
    const filters = (input.ParameterFilters ?? []) as Obj[];
    const items = [...region.secrets.parameters.values()]
      .filter((p) => filters.every((f) => {
        const values = (f.Values ?? []) as string[];
        if (f.Key === 'Name') {
          return f.Option === 'BeginsWith' ? values.some((v) => p.Name.startsWith(v)) : values.includes(p.Name);
        }
        if (f.Key === 'Path') {
          return values.some((v) => p.Name.startsWith(v.endsWith('/') ? v : `${v}/`));
        }
        return f.Key !== 'Type' || values.includes(p.Type);
      }))
      .sort((a, b) => (a.Name < b.Name ? -1 : 1))
      .map((p) => ({ Name: p.Name, ARN: p.ARN, Type: p.Type, LastModifiedDate: p.LastModifiedDate, LastModifiedUser: 'arn:aws:iam::123456789012:user/emulator', Description: p._description, Version: p.Version, Tier: 'Standard', Policies: [], DataType: p.DataType }));
    const p = page(items, input.MaxResults, input.NextToken, { def: 50, max: 50, error: 'ValidationException', sizeName: 'MaxResults' });
    return { Parameters: p.items, NextToken: p.next };
  },
};

/** Secrets and parameters the demo task definitions could reference. */
export function seedSecrets(region: RegionState, at: Date): void {
  const s = region.secrets;
  s.createSecret({ Name: 'demo/api/db-password', Description: 'Database password of the demo API', SecretString: JSON.stringify({ username: 'api', password: 'not-a-real-password' }) }, at);
  s.createSecret({ Name: 'demo/worker/api-key', SecretString: 'demo-worker-key-123' }, at);
  s.putParameter({ Name: '/demo/api/LOG_LEVEL', Type: 'String', Value: 'info', Description: 'Log level of the demo API' }, at);
  s.putParameter({ Name: '/demo/api/DATABASE_URL', Type: 'SecureString', Value: 'postgres://api@db.internal:5432/demo' }, at);
  s.putParameter({ Name: '/demo/worker/QUEUE_URL', Type: 'String', Value: 'https://sqs.us-east-1.amazonaws.com/123456789012/demo-jobs' }, at);
}
