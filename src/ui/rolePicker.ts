import type { ClientManager, Scope } from '../aws/clientManager';
import { roleArnProblem, trusts } from '../ecs/express';
import { input } from './input';
import { pagedPick } from './pagedPick';
import type { StepView } from './steps';

/**
 * IAM roles that trust `principal` (ListRoles, paged, each page filtered), or an ARN typed when the
 * list cannot be read (no iam:ListRoles) or the user prefers to.
 */
export async function pickRole(clients: ClientManager, scope: Scope, principal: string, view: StepView, placeHolder: string): Promise<string> {
  const TYPE = '\u0000type';
  let picked: string;
  try {
    const { sdk, client } = await clients.clientWithSdk('iam', scope);
    picked = await pagedPick<string>(
      {
        page: async (startToken) => {
          const out = await client.send(new sdk.iam.ListRolesCommand({ Marker: startToken, MaxItems: 100 }));
          const items = (out.Roles ?? []).filter((r) => trusts(r.AssumeRolePolicyDocument, principal)).map((r) => ({ label: r.RoleName ?? '', description: r.Arn, value: r.Arn ?? '' }));
          return { items, nextToken: out.IsTruncated ? out.Marker : undefined };
        },
      },
      { title: view, placeHolder: `${placeHolder} — roles trusting ${principal}`, extra: [{ label: '$(edit) Enter a role ARN…', value: TYPE }] },
    );
  } catch (error) {
    if ((error as Error)?.name === 'CancellationError' || (error as Error)?.name === 'BackError') throw error;
    picked = TYPE;
  }
  if (picked !== TYPE) return picked;
  return (await input(view, { prompt: `${placeHolder}: the role's ARN`, validate: (v) => (roleArnProblem(v) ? `An IAM role ARN like arn:aws:iam::123456789012:role/name` : undefined) })).trim();
}
