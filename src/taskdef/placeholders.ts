/**
 * Template placeholders that tools substitute before the file reaches the API:
 * `${VAR}` (envsubst, ecspresso's `{{ must_env }}`, CodeDeploy's `<IMAGE1_NAME>`, Mustache `{{x}}`).
 * A string holding one is never an error.
 */
const PLACEHOLDER = /\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*\b|<[A-Za-z0-9_.\- ]+>|\{\{[^}]*\}\}|#\{[^}]*\}|%\{[^}]*\}|@@[A-Za-z0-9_]+@@|__[A-Z0-9_]+__/;

export function hasPlaceholder(s: string): boolean {
  return PLACEHOLDER.test(s);
}
