import * as assert from 'assert';
import { parseImageReference, registryHost } from '../../../src/aws/arn';
import { imageUri, isDigest, shortDigest, validateRepositoryName, validateTag } from '../../../src/ecr/names';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('ECR names and URIs', () => {
  it('accepts repository names ECR accepts', () => {
    for (const name of ['ab', 'api', 'team/api', 'a.b_c-d/e2', 'x'.repeat(256), 'org/team/svc']) {
      assert.strictEqual(validateRepositoryName(name), undefined, name);
    }
  });

  it('refuses repository names ECR refuses, saying why', () => {
    const cases: [string, RegExp][] = [
      ['a', /at least 2/],
      ['x'.repeat(257), /at most 256/],
      ['Api', /lowercase/],
      ['/api', /start or end/],
      ['api/', /start or end/],
      ['my api', /only lowercase letters/],
      ['api..v2', /single/],
      ['-api', /starts and ends/],
      ['team//api', /starts and ends/],
      ['api_', /starts and ends/],
    ];
    for (const [name, why] of cases) assert.match(validateRepositoryName(name) ?? '', why, name);
  });

  it('validates tags', () => {
    for (const tag of ['latest', '1.2.3', 'v1_2-rc.1', 'a'.repeat(128), '3f2a9c1']) assert.strictEqual(validateTag(tag), undefined, tag);
    for (const tag of ['', '.hidden', '-x', 'a'.repeat(129), 'a/b', 'a:b']) assert.ok(validateTag(tag), tag);
  });

  it('builds both URI forms and short digests', () => {
    const repo = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api';
    assert.strictEqual(imageUri(repo, { tag: '1.0' }), `${repo}:1.0`);
    assert.strictEqual(imageUri(repo, { digest: DIGEST }), `${repo}@${DIGEST}`);
    assert.strictEqual(imageUri(repo, { tag: '1.0', digest: DIGEST }), `${repo}@${DIGEST}`);
    assert.throws(() => imageUri(repo, {}), /tag or a digest/);
    assert.strictEqual(shortDigest(DIGEST), 'sha256:abababababab');
    assert.ok(isDigest(DIGEST));
    assert.ok(!isDigest('sha256:abc'));
  });

  it('parses references with a registry port, and registry hosts of endpoints', () => {
    assert.deepStrictEqual(parseImageReference('127.0.0.1:5000/demo/api:1.0'), { name: '127.0.0.1:5000/demo/api', tag: '1.0', digest: undefined });
    assert.deepStrictEqual(parseImageReference('127.0.0.1:5000/demo/api'), { name: '127.0.0.1:5000/demo/api', digest: undefined });
    assert.deepStrictEqual(parseImageReference(`nginx@${DIGEST}`), { name: 'nginx', digest: DIGEST });
    assert.strictEqual(registryHost('https://123456789012.dkr.ecr.us-east-1.amazonaws.com'), '123456789012.dkr.ecr.us-east-1.amazonaws.com');
    assert.strictEqual(registryHost('http://127.0.0.1:5000'), '127.0.0.1:5000');
    assert.strictEqual(registryHost('127.0.0.1:5000/demo/api'), '127.0.0.1:5000');
  });
});
