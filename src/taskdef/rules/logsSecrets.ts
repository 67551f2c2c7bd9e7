/** Log configuration, secrets, and when they need a task execution role. */
import { type Node, objects, prop, propNode, str } from '../document';
import { ARN_ACCOUNT, ARN_REGION, hasPlaceholder } from '../placeholders';
import { containerLabel, type TaskContext } from './context';

const SECRETS_MANAGER_ARN = new RegExp(`^arn:aws[a-z-]*:secretsmanager:${ARN_REGION}:${ARN_ACCOUNT}:secret:[^\\s]+$`);
const SSM_ARN = new RegExp(`^arn:aws[a-z-]*:ssm:${ARN_REGION}:${ARN_ACCOUNT}:parameter/?[a-zA-Z0-9_.\\-/]+$`);
const SSM_NAME = /^\/?[a-zA-Z0-9_.\-]+(\/[a-zA-Z0-9_.\-]+)*$/;
const PRIVATE_ECR = /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

export function logsAndSecretsRules(ctx: TaskContext): void {
  const needsRole: { node: Node; reason: string }[] = [];
  for (const c of ctx.containers) {
    const lc = prop(c.node, 'logConfiguration');
    if (str(prop(lc, 'logDriver')) === 'awslogs') {
      awslogs(ctx, lc!, c.name);
      if (ctx.isFargate) needsRole.push({ node: prop(lc, 'logDriver')!, reason: 'the awslogs log driver on Fargate' });
    }
    for (const s of objects(prop(lc, 'secretOptions'))) secretValueFrom(ctx, s);
    const secrets = objects(prop(c.node, 'secrets'));
    for (const s of secrets) secretValueFrom(ctx, s);
    const so = objects(prop(lc, 'secretOptions'));
    if (secrets.length || so.length) needsRole.push({ node: propNode(c.node, 'secrets') ?? propNode(lc, 'secretOptions')!, reason: `the secrets of ${containerLabel(c)}` });
    const image = str(prop(c.node, 'image'));
    if (ctx.isFargate && image && PRIVATE_ECR.test(image)) needsRole.push({ node: prop(c.node, 'image')!, reason: 'pulling a private ECR image on Fargate' });
    const cred = prop(prop(c.node, 'repositoryCredentials'), 'credentialsParameter');
    if (cred) needsRole.push({ node: cred, reason: 'private registry credentials' });
  }
  // The role is the task's: with the containers alone it may well be set (Terraform's execution_role_arn).
  if (!ctx.taskKnown) return;
  const role = prop(ctx.def, 'executionRoleArn');
  if (role && !(role.type === 'string' && role.value === '')) return;
  const reported = new Set<string>();
  for (const { node, reason } of needsRole) {
    const kind = reason.replace(/ of .*/, '');
    if (reported.has(kind)) continue;
    reported.add(kind);
    ctx.error(node, 'execution-role-required', `An "executionRoleArn" is required for ${reason}: add the task execution role (for example arn:aws:iam::<account>:role/ecsTaskExecutionRole).`);
  }
}

function awslogs(ctx: TaskContext, lc: Node, containerName: string | undefined): void {
  const options = prop(lc, 'options');
  if (options && options.type !== 'object') return; // a placeholder: its options are not known
  const anchor = options ?? prop(lc, 'logDriver')!;
  const has = (k: string) => !!prop(options, k);
  const missing = ['awslogs-group', 'awslogs-region'].filter((k) => !has(k));
  if (ctx.isFargate && !has('awslogs-stream-prefix')) missing.push('awslogs-stream-prefix');
  if (missing.length === 0) return;
  const who = containerName ? ` of container "${containerName}"` : '';
  ctx.error(anchor, 'awslogs-missing-option', `The awslogs log driver${who} needs ${missing.map((m) => `"${m}"`).join(', ')} in "options"${missing.includes('awslogs-stream-prefix') ? ' (the stream prefix is required on Fargate)' : ''}.`);
}

function secretValueFrom(ctx: TaskContext, secret: Node): void {
  const vf = prop(secret, 'valueFrom');
  const v = str(vf);
  if (!vf || v === undefined || hasPlaceholder(v)) return;
  if (SECRETS_MANAGER_ARN.test(v) || SSM_ARN.test(v)) return;
  if (!v.startsWith('arn:') && SSM_NAME.test(v)) return;
  let hint = 'use a Secrets Manager secret ARN (arn:aws:secretsmanager:region:account:secret:name) or an SSM parameter ARN or name (arn:aws:ssm:region:account:parameter/name, /name).';
  if (/\s/.test(v)) hint = 'it contains whitespace: remove it.';
  else if (/^arn:aws[a-z-]*:secretsmanager:/.test(v)) hint = 'a Secrets Manager ARN has the form arn:aws:secretsmanager:region:account:secret:name[:json-key:version-stage:version-id].';
  else if (/^arn:aws[a-z-]*:ssm:/.test(v)) hint = 'an SSM parameter ARN has the form arn:aws:ssm:region:account:parameter/name.';
  else if (v.startsWith('arn:')) hint = 'only Secrets Manager and SSM Parameter Store ARNs are accepted.';
  ctx.error(vf, 'invalid-secret-value-from', `"valueFrom" is not a secret reference: ${hint}`);
}
