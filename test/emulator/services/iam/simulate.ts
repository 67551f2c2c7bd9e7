/**
 * SimulatePrincipalPolicy (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html):
 * the identity-based policies of a user or role, plus any PolicyInputList documents, evaluated for
 * each action on each resource ("Each operation is evaluated for each resource"; no ResourceArns is
 * `*`). The principal must be a user, group or role ARN: an assumed-role session ARN is refused.
 */
import type * as iam from '../../generated/iam';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import { contextOf, evaluate, type SourcePolicy } from './evaluate';
import { MANAGED, type PrincipalPolicies } from './policies';

/** A principal's policies as the simulator reads them, `arn:aws:` written in the principal's partition. */
function sourcePolicies(policies: PrincipalPolicies, kind: 'user' | 'group' | 'role', partition: string): SourcePolicy[] {
  const inPartition = (text: string): string => (partition === 'aws' ? text : text.replace(/arn:aws:/g, `arn:${partition}:`));
  const managed = policies.attached.map((name): SourcePolicy => ({ id: name, type: 'aws-managed', document: inPartition(JSON.stringify(MANAGED[name].document)) }));
  const inline = Object.entries(policies.inline).map(([name, doc]): SourcePolicy => ({ id: name, type: kind, document: inPartition(JSON.stringify(doc)) }));
  return [...inline, ...managed];
}

export function simulatePrincipalPolicy(input: iam.SimulatePrincipalPolicyRequest, partition: string, policiesOf: (arn: string) => PrincipalPolicies | undefined): iam.SimulatePolicyResponse {
  const m = /^arn:[\w-]+:iam::\d{12}:(user|group|role)\/(?:.*\/)?([\w+=,.@-]+)$/.exec(input.PolicySourceArn);
  if (!m) {
    throw new AwsError('InvalidInputException', `Invalid ARN ${input.PolicySourceArn}: PolicySourceArn must be the ARN of an IAM user, group or role.`);
  }
  const [, kind, name] = m as unknown as [string, 'user' | 'group' | 'role', string];
  const policies = policiesOf(input.PolicySourceArn);
  if (!policies) {
    throw new AwsError('NoSuchEntityException', `The ${kind} with name ${name} cannot be found.`);
  }
  const bad = input.ActionNames.find((a) => !/^[\w-]+:[\w*?-]+$/.test(a));
  if (bad) {
    throw new AwsError('InvalidInputException', `Actions must be of the form service:action; ${bad} is not.`);
  }
  const sources = [
    ...sourcePolicies(policies, kind, partition),
    ...(input.PolicyInputList ?? []).map((document, i): SourcePolicy => ({ id: `PolicyInputList.${i + 1}`, type: 'none', document })),
  ];
  const context = contextOf(input.ContextEntries);
  const resources = input.ResourceArns?.length ? input.ResourceArns : ['*'];
  const results: iam.EvaluationResult[] = input.ActionNames.flatMap((action) => resources.map((resource) => {
    const e = evaluate(sources, action, resource, context);
    return {
      EvalActionName: action,
      EvalResourceName: resource,
      EvalDecision: e.decision,
      MatchedStatements: e.matched.map((p) => ({ SourcePolicyId: p.id, SourcePolicyType: p.type })),
      MissingContextValues: e.missingContext,
    };
  }));
  const p = page(results, input.MaxItems, input.Marker, { def: 100, max: 1000, error: 'InvalidInputException', sizeName: 'MaxItems' });
  return { EvaluationResults: p.items, IsTruncated: p.next !== undefined, Marker: p.next };
}
