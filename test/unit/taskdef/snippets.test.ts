import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { expandSnippet as expand } from '../../../src/taskdef/snippets';
import { validate } from '../../../src/taskdef/validate';
import type { DocumentKind } from '../../../src/taskdef/types';
import { REPO } from './helpers';

describe('taskdef snippets', () => {
  for (const [file, kind] of [['ecs-task-definition.json', 'task'], ['ecs-service-definition.json', 'service']] as [string, DocumentKind][]) {
    const snippets = JSON.parse(fs.readFileSync(path.join(REPO, 'src', 'taskdef', 'snippets', file), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
    for (const [name, s] of Object.entries(snippets)) {
      it(`${file}: "${name}" expands to valid JSON${s.body[0] === '{' ? ' without errors' : ''}`, () => {
        const text = expand(s.body);
        const wrapped = text.startsWith('{') ? text : `{${text}}`;
        assert.doesNotThrow(() => JSON.parse(wrapped), wrapped);
        if (text.startsWith('{') && (s.prefix.includes('web') || s.prefix.includes('bridge') || s.prefix.includes('service'))) {
          const errors = validate(text, { kind }).diagnostics.filter((d) => d.severity === 'error');
          assert.deepStrictEqual(errors.map((d) => `${d.code}@${d.pointer}: ${d.message}`), []);
        }
      });
    }
  }
});
