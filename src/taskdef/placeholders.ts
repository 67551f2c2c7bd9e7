/**
 * Template placeholders that tools substitute before the file reaches the API:
 * `${VAR}` (envsubst, ecspresso's `{{ must_env }}`, CodeDeploy's `<IMAGE1_NAME>`, Mustache `{{x}}`,
 * Python `str.format` / .NET / sed templates' `{target_group_arn}`).
 * A string holding one is never an error.
 */
// `${`, `{{`, `#{` and `%{` stop at the next opener of their kind: a match from an earlier opener
// implies one from the last opener before its `}`, and a long run of openers without a `}` is read
// once, not once per opener (which took minutes on a 5 MB string of "${").
const PLACEHOLDER = /\$\{(?:[^}$]|\$(?!\{))*\}|\$[A-Z_][A-Z0-9_]*\b|<[A-Za-z0-9_.\- ]+>|\{\{(?:[^}{]|\{(?!\{))*\}\}|\{[A-Za-z_][A-Za-z0-9_.-]*\}|#\{(?:[^}#]|#(?!\{))*\}|%\{(?:[^}%]|%(?!\{))*\}|@@[A-Za-z0-9_]+@@|__[A-Z0-9_]+__/;

export function hasPlaceholder(s: string): boolean {
  return PLACEHOLDER.test(s);
}

/**
 * The placeholders of documentation and sample files, written as plain capitals:
 * `ACCOUNT_ID.dkr.ecr.REGION.amazonaws.com/app`, `REPOSITORY_URI:TAG`, `XXXXX.dkr.ecr…`. Only used
 * where a lowercase-only syntax (image repositories) would otherwise flag them.
 */
const CAPITALS_PLACEHOLDER = /(?:^|[^A-Za-z0-9])(?:[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]|[A-Z]{4,}|X{3,})(?=$|[^A-Za-z0-9])/;

export function hasCapitalsPlaceholder(s: string): boolean {
  return CAPITALS_PLACEHOLDER.test(s);
}

/**
 * The account of an ARN: twelve digits, or a word standing for one in documentation
 * (`aws_account_id`, `ACCOUNT_ID`, `account-id`). Eleven digits is a typo, not a placeholder.
 */
export const ARN_ACCOUNT = '(?:\\d{12}|[A-Za-z_][A-Za-z0-9_-]*)';
/** The region of an ARN: a region code, or a word standing for one (`region`, `REGION`). */
export const ARN_REGION = '[A-Za-z0-9_-]+';
