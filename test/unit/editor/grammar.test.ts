import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseJsonc } from 'jsonc-parser';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const grammar = JSON.parse(fs.readFileSync(path.join(REPO, 'syntaxes', 'ecs-definition-strings.injection.tmLanguage.json'), 'utf8')) as {
  injectionSelector: string;
  repository: { arn: { match: string; name: string; captures: Record<string, { name: string }> } };
};

/**
 * Selectors the default themes (Dark 2026 and Light 2026, VS Code's defaults, and the Modern and
 * Plus themes they include) colour red or as errors: keywords and storage are red in the 2026 themes.
 */
const RED_SELECTORS = ['invalid', 'keyword', 'storage', 'message.error', 'markup.deleted', 'constant.character', 'constant.other.placeholder', 'punctuation.section.embedded', 'token.error-token'];
const matches = (selector: string, scope: string) => scope === selector || scope.startsWith(`${selector}.`);

/** The scopes the injection gives each character of `text` that the ARN rule covers (Oniguruma's syntax here is JavaScript's). */
function arnTokens(text: string): { text: string; scopes: string[] }[] {
  const { match, name, captures } = grammar.repository.arn;
  const m = new RegExp(match, 'd').exec(text) as (RegExpExecArray & { indices: [number, number][] }) | null;
  if (!m) return [];
  const tokens: { text: string; scopes: string[] }[] = [];
  for (const [group, capture] of Object.entries(captures)) {
    const [start, end] = m.indices[Number(group)];
    tokens.push({ text: text.slice(start, end), scopes: [name, capture.name] });
  }
  return tokens;
}

describe('TextMate grammar: ARNs in definition strings', () => {
  const ARNS = [
    'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf',
    'arn:aws:ssm:eu-west-1:123456789012:parameter/app/LOG_LEVEL',
    'arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/web:3',
    'arn:aws-us-gov:elasticloadbalancing:us-gov-west-1:123456789012:targetgroup/web/0123456789abcdef',
  ];

  it('applies inside JSON string values only, not property names', () => {
    assert.strictEqual(grammar.injectionSelector, 'L:string.quoted.double.json -support.type.property-name');
  });

  it('finds the prefix and the service of every partition\'s ARNs', () => {
    for (const arn of ARNS) {
      const tokens = arnTokens(arn);
      assert.deepStrictEqual(tokens.map((t) => t.text), ['arn', arn.split(':')[2]], arn);
    }
    assert.deepStrictEqual(arnTokens('not an arn: role/x'), []);
  });

  it('colours no part of an ARN, its "arn" prefix least of all, with a scope the default themes show as an error', () => {
    for (const token of arnTokens(ARNS[0])) {
      for (const scope of token.scopes) {
        const red = RED_SELECTORS.find((s) => matches(s, scope));
        assert.strictEqual(red, undefined, `"${token.text}" has scope ${scope}, which the default themes colour as ${red}`);
      }
    }
  });

  // The themes themselves, where the integration tests' code-server (VS Code 1.139) is installed.
  const themes = path.join(REPO, '.vscode-test', 'code-server-4.139.1', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'theme-defaults', 'themes');
  (fs.existsSync(themes) ? it : it.skip)('in Dark 2026 and Light 2026 the "arn" prefix is not red', () => {
    for (const file of ['2026-dark.json', '2026-light.json']) {
      const rules = themeRules(path.join(themes, file));
      const stack = ['source.json.ecs-task-definition', 'meta.structure.dictionary.json', 'string.quoted.double.json', ...arnTokens(ARNS[0])[0].scopes];
      const colour = foreground(rules, stack);
      assert.ok(colour && !isRed(colour), `${file}: the "arn" prefix is ${colour}`);
      assert.ok(isRed(foreground(rules, ['source.json', 'keyword.other.arn.ecs'])!), `${file}: the old keyword scope was red (the check can see red)`);
    }
  });
});

interface Rule {
  selectors: string[];
  foreground?: string;
}

/** A theme's token rules, the included themes' first (as VS Code reads them). */
function themeRules(file: string): Rule[] {
  const theme = parseJsonc(fs.readFileSync(file, 'utf8')) as { include?: string; tokenColors?: { scope?: string | string[]; settings: { foreground?: string } }[] };
  const included = theme.include ? themeRules(path.join(path.dirname(file), theme.include)) : [];
  const own = (Array.isArray(theme.tokenColors) ? theme.tokenColors : []).map((t) => ({
    selectors: (Array.isArray(t.scope) ? t.scope : (t.scope ?? '').split(',')).map((s) => s.trim()).filter(Boolean),
    foreground: t.settings.foreground,
  }));
  return [...included, ...own];
}

/** TextMate's choice, simplified to one-scope selectors: the rule matching the innermost scope, the longest selector, the last one. */
function foreground(rules: Rule[], stack: string[]): string | undefined {
  let best: { depth: number; length: number; colour: string } | undefined;
  for (const rule of rules) {
    if (!rule.foreground) continue;
    for (const selector of rule.selectors) {
      if (selector.includes(' ')) continue;
      let depth = stack.length - 1;
      while (depth >= 0 && !matches(selector, stack[depth])) depth--;
      if (depth < 0) continue;
      const score = { depth, length: selector.length, colour: rule.foreground };
      if (!best || depth > best.depth || (depth === best.depth && selector.length >= best.length)) best = score;
    }
  }
  return best?.colour;
}

function isRed(hex: string): boolean {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.25 || max !== r) return false;
  const hue = (60 * ((g - b) / (max - min)) + 360) % 360;
  return hue < 25 || hue > 335;
}
