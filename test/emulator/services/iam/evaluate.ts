/**
 * IAM policy evaluation for SimulatePrincipalPolicy: identity-based policy documents (JSON, version
 * 2012-10-17) against one action and one resource. An explicit Deny wins, else an Allow, else the
 * implicit deny (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 * Action and resource patterns take `*` and `?` (actions case-insensitively:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html);
 * NotAction / NotResource match everything their patterns do not. A Condition is evaluated from the
 * simulation's context entries (string, ARN and Bool operators); a key the context lacks makes the
 * statement not apply and is reported as a missing context value, as the simulator does.
 */
import { AwsError } from '../../kit/errors';

export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** One policy as the simulator sees it: its id (a policy name or ARN), its kind and its document text. */
export interface SourcePolicy {
  id: string;
  type: 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed' | 'none';
  document: string;
}

export interface Evaluation {
  decision: Decision;
  /** The policies whose statements decided: the Deny alone when one denied, else every Allow. */
  matched: SourcePolicy[];
  missingContext: string[];
}

interface PolicyStatement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

const list = (v: string | string[] | undefined): string[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** `*` any run, `?` one character; everything else literal. */
export function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const re = '^' + pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('') + '$';
  return new RegExp(re, ignoreCase ? 'is' : 's').test(value);
}

function statementsOf(policy: SourcePolicy): PolicyStatement[] {
  let doc: { Statement?: PolicyStatement | PolicyStatement[] };
  try {
    doc = JSON.parse(policy.document);
  } catch {
    throw new AwsError('PolicyEvaluationException', `The policy ${policy.id} is not valid JSON.`);
  }
  const statements = doc.Statement === undefined ? [] : Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  if (statements.some((s) => s.Effect !== 'Allow' && s.Effect !== 'Deny')) {
    throw new AwsError('PolicyEvaluationException', `A statement of ${policy.id} has no Effect of Allow or Deny.`);
  }
  return statements;
}

function matchesAny(patterns: string[] | undefined, negated: string[] | undefined, value: string, ignoreCase: boolean): boolean {
  if (patterns) {
    return patterns.some((p) => wildcardMatch(p, value, ignoreCase));
  }
  return negated !== undefined && !negated.some((p) => wildcardMatch(p, value, ignoreCase));
}

type Context = Map<string, string[]>;

const OPERATORS: Record<string, (values: string[], wanted: string[]) => boolean> = {
  StringEquals: (v, w) => v.some((x) => w.includes(x)),
  StringNotEquals: (v, w) => !v.some((x) => w.includes(x)),
  StringEqualsIgnoreCase: (v, w) => v.some((x) => w.some((y) => x.toLowerCase() === y.toLowerCase())),
  StringLike: (v, w) => v.some((x) => w.some((p) => wildcardMatch(p, x, false))),
  StringNotLike: (v, w) => !v.some((x) => w.some((p) => wildcardMatch(p, x, false))),
  ArnEquals: (v, w) => v.some((x) => w.includes(x)),
  ArnLike: (v, w) => v.some((x) => w.some((p) => wildcardMatch(p, x, false))),
  ArnNotLike: (v, w) => !v.some((x) => w.some((p) => wildcardMatch(p, x, false))),
  Bool: (v, w) => v.some((x) => w.includes(x.toLowerCase())),
};

/** Whether a statement's Condition holds; keys the context lacks are added to `missing`. */
function conditionHolds(condition: PolicyStatement['Condition'], context: Context, missing: Set<string>): boolean {
  let holds = true;
  for (const [operator, keys] of Object.entries(condition ?? {})) {
    const ifExists = operator.endsWith('IfExists');
    const test = OPERATORS[ifExists ? operator.slice(0, -'IfExists'.length) : operator];
    for (const [key, wanted] of Object.entries(keys)) {
      const values = context.get(key.toLowerCase());
      if (!values) {
        if (!ifExists) {
          missing.add(key);
          holds = false;
        }
        continue;
      }
      const w = (Array.isArray(wanted) ? wanted : [wanted]).map(String);
      if (!test || !test(values, w)) {
        holds = false;
      }
    }
  }
  return holds;
}

/** The decision of `policies` for `action` on `resource`. */
export function evaluate(policies: SourcePolicy[], action: string, resource: string, context: Context): Evaluation {
  const allows: SourcePolicy[] = [];
  const denies: SourcePolicy[] = [];
  const missing = new Set<string>();
  for (const policy of policies) {
    for (const s of statementsOf(policy)) {
      const applies = matchesAny(list(s.Action), list(s.NotAction), action, true)
        && matchesAny(list(s.Resource), list(s.NotResource), resource, false)
        && conditionHolds(s.Condition, context, missing);
      if (applies) {
        (s.Effect === 'Deny' ? denies : allows).push(policy);
      }
    }
  }
  const unique = (ps: SourcePolicy[]): SourcePolicy[] => [...new Set(ps)];
  if (denies.length) {
    return { decision: 'explicitDeny', matched: unique(denies), missingContext: [...missing] };
  }
  return { decision: allows.length ? 'allowed' : 'implicitDeny', matched: unique(allows), missingContext: [...missing] };
}

/** The context keys of the simulation's ContextEntries, lower-cased as IAM compares them. */
export function contextOf(entries: { ContextKeyName?: string; ContextKeyValues?: string[] }[] | undefined): Context {
  return new Map((entries ?? []).filter((e) => e.ContextKeyName).map((e) => [e.ContextKeyName!.toLowerCase(), e.ContextKeyValues ?? []]));
}
