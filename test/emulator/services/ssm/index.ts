/** SSM: Parameter Store, as far as task definitions' `secrets` need it, and Session Manager for ECS Exec (session-handlers.ts). */
import type * as ssm from '../../generated/ssm';
import { arn } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import { defineService } from '../../kit/service';
import { perRegion, Region } from '../../kit/world';
import { ssmControl } from './control';
import { sessionHandlers } from './session-handlers';

interface ParameterState {
  parameter: ssm.Parameter & { Name: string; Type: ssm.ParameterType; Version: number };
  description?: string;
}

class ParametersState {
  readonly parameters = new Map<string, ParameterState>();
  constructor(private readonly region: Region) {}

  put(input: ssm.PutParameterRequest, at = this.region.now()): ParameterState {
    const existing = this.parameters.get(input.Name);
    if (existing && !input.Overwrite) {
      throw new AwsError('ParameterAlreadyExists', 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.');
    }
    const p: ParameterState = {
      parameter: {
        Name: input.Name,
        Type: input.Type ?? existing?.parameter.Type ?? 'String',
        Value: input.Value,
        Version: (existing?.parameter.Version ?? 0) + 1,
        LastModifiedDate: at,
        ARN: arn('ssm', this.region.name, `parameter/${input.Name.replace(/^\//, '')}`),
        DataType: input.DataType ?? 'text',
      },
      description: input.Description ?? existing?.description,
    };
    this.parameters.set(input.Name, p);
    return p;
  }

  byName(nameOrArn: string): ParameterState | undefined {
    const name = nameOrArn.startsWith('arn:') ? '/' + nameOrArn.split(':parameter/')[1] : nameOrArn;
    return this.parameters.get(name) ?? this.parameters.get(name.replace(/^\//, ''));
  }
}

export const parametersState = perRegion('ssm', (region) => new ParametersState(region));

/** SecureString values are shown in clear only WithDecryption. */
function view(p: ParameterState, decrypt: boolean): ssm.Parameter {
  const v = p.parameter;
  return v.Type === 'SecureString' && !decrypt ? { ...v, Value: Buffer.from(`kms-encrypted:${v.Value}`).toString('base64') } : v;
}

function matches(p: ssm.Parameter & { Name: string }, f: ssm.ParameterStringFilter): boolean {
  const values = f.Values ?? [];
  if (f.Key === 'Name') {
    return f.Option === 'BeginsWith' ? values.some((v) => p.Name.startsWith(v)) : values.includes(p.Name);
  }
  if (f.Key === 'Path') {
    return values.some((v) => p.Name.startsWith(v.endsWith('/') ? v : `${v}/`));
  }
  return f.Key !== 'Type' || values.includes(p.Type ?? '');
}

const byName = (a: ParameterState, b: ParameterState): number => (a.parameter.Name < b.parameter.Name ? -1 : 1);

export const ssmService = defineService<ssm.Operations>({
  model: 'ssm',
  iamPrefix: 'ssm',
  // InvalidNextToken "The specified token isn't valid." (https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DescribeParameters.html).
  pageTokens: { error: 'InvalidNextToken', message: "The specified token isn't valid." },
  control: ssmControl,
  handlers: {
    ...sessionHandlers,
    PutParameter: (input, { region }) => ({ Version: parametersState(region).put(input).parameter.Version, Tier: 'Standard' }),

    GetParameter: (input, { region }) => {
      const p = parametersState(region).byName(input.Name);
      if (!p) {
        throw new AwsError('ParameterNotFound', '');
      }
      return { Parameter: view(p, input.WithDecryption === true) };
    },

    GetParameters: (input, { region }) => {
      const found = input.Names.map((n) => parametersState(region).byName(n));
      return {
        Parameters: found.filter((p): p is ParameterState => p !== undefined).map((p) => view(p, input.WithDecryption === true)),
        InvalidParameters: input.Names.filter((_, i) => !found[i]),
      };
    },

    GetParametersByPath: (input, { region }) => {
      const path = input.Path.endsWith('/') ? input.Path : `${input.Path}/`;
      const items = [...parametersState(region).parameters.values()]
        .filter((p) => p.parameter.Name.startsWith(path) && (input.Recursive || !p.parameter.Name.slice(path.length).includes('/')))
        .sort(byName)
        .map((p) => view(p, input.WithDecryption === true));
      const p = page(items, input.MaxResults, input.NextToken, { def: 10, max: 10, error: 'ValidationException', sizeName: 'MaxResults' });
      return { Parameters: p.items, NextToken: p.next };
    },

    DescribeParameters: (input, { region, caller }) => {
      const filters = input.ParameterFilters ?? [];
      const items = [...parametersState(region).parameters.values()]
        .filter((p) => filters.every((f) => matches(p.parameter, f)))
        .sort(byName)
        .map(({ parameter: p, description }) => ({ Name: p.Name, ARN: p.ARN, Type: p.Type, LastModifiedDate: p.LastModifiedDate, LastModifiedUser: caller.arn, Description: description, Version: p.Version, Tier: 'Standard' as const, Policies: [], DataType: p.DataType }));
      const p = page(items, input.MaxResults, input.NextToken, { def: 50, max: 50, error: 'ValidationException', sizeName: 'MaxResults' });
      return { Parameters: p.items, NextToken: p.next };
    },
  },
});
