import * as assert from 'assert';
import { CURRENT_MARK, deployQuestion, findingsRefusal, imageRows, seriousFindings, shortImageName } from '../../../src/ecr/imageChoice';
import { repositoryKey, sameRepository } from '../../../src/ecr/names';
import type { OfferedImage } from '../../../src/ecr/recentImages';

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/web';
const digest = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;

function image(tags: string[], n: number, extra: Partial<OfferedImage> = {}): OfferedImage {
  return { uri: `${REPO}:${tags[0]}`, digest: digest(n), tags, pushedAt: new Date(Date.UTC(2025, 0, 10 - n, 9)), scan: {}, current: false, ...extra };
}

const complete = (counts: Record<string, number>) => ({ imageScanStatus: { status: 'COMPLETE' as const }, imageScanFindingsSummary: { findingSeverityCounts: counts } });

describe('the deploy image picker: rows, the current mark, findings, one row per image', () => {
  it('marks the image the service runs now and shows each image\'s findings by severity', () => {
    const rows = imageRows([
      image(['2.2'], 1, { scan: complete({ CRITICAL: 2, HIGH: 5, LOW: 1 }) }),
      image(['2.1', 'latest'], 2, { current: true, scan: complete({}) }),
      image(['2.0'], 3, { scan: { imageScanStatus: { status: 'IN_PROGRESS' } } }),
      image(['1.9'], 4),
    ]);
    assert.deepStrictEqual(
      rows.map((r) => [r.label, r.description]),
      [
        ['web:2.2', 'newest push · 2025-01-09 09:00 · 2 CRITICAL · 5 HIGH · 1 LOW'],
        ['web:2.1', `${CURRENT_MARK} · latest · 2025-01-08 09:00 · no findings`],
        ['web:2.0', '2025-01-07 09:00 · scan in progress'],
        ['web:1.9', '2025-01-06 09:00'],
      ],
    );
    assert.strictEqual(CURRENT_MARK, '$(check) current');
    assert.deepStrictEqual(rows.map((r) => r.detail), [`${REPO}:2.2`, `${REPO}:2.1`, `${REPO}:2.0`, `${REPO}:1.9`]);
  });

  it('puts the image just pushed first, and lists it once (same digest, same URI or the pushed tag on another tag\'s row)', () => {
    const images = [image(['latest', '1.2'], 1, { scan: complete({ HIGH: 1 }) }), image(['1.1'], 2, { current: true })];
    for (const pushed of [{ uri: `${REPO}:1.2`, digest: digest(1) }, { uri: `${REPO}:1.2` }, { uri: `${REPO}:latest` }]) {
      const rows = imageRows(images, pushed);
      assert.deepStrictEqual(rows.map((r) => r.uri), [pushed.uri, `${REPO}:1.1`], JSON.stringify(pushed));
      assert.match(rows[0].label, /^\$\(cloud-upload\) web:/);
      assert.match(rows[0].description, /^just pushed · .* · 1 HIGH$/);
      assert.deepStrictEqual(rows[0].scan, complete({ HIGH: 1 }));
      assert.strictEqual(new Set(rows.map((r) => r.uri)).size, rows.length);
    }
    // A push not yet in the list (DescribeImages read before it): its own row, then every listed image.
    assert.deepStrictEqual(imageRows(images, { uri: `${REPO}:1.3`, digest: digest(9) }).map((r) => [r.label, r.description.split(' · ')[0]]), [
      ['$(cloud-upload) web:1.3', 'just pushed'],
      ['web:latest', 'newest push'],
      ['web:1.1', CURRENT_MARK],
    ]);
  });

  it('an image listed twice (two rows for one digest, or one URI twice) is shown once', () => {
    const rows = imageRows([image(['2.1'], 1), image(['2.1'], 1), image(['2.0'], 1), image(['2.0'], 2)]);
    assert.deepStrictEqual(rows.map((r) => r.uri), [`${REPO}:2.1`, `${REPO}:2.0`]);
  });

  it('names serious findings for the modal and for the argument-object refusal', () => {
    assert.strictEqual(seriousFindings(`${REPO}:2.1`, complete({ CRITICAL: 2, HIGH: 5, MEDIUM: 3 })), 'demo/web:2.1 has 2 CRITICAL and 5 HIGH findings');
    assert.strictEqual(seriousFindings(`${REPO}:2.1`, complete({ HIGH: 1 })), 'demo/web:2.1 has 1 HIGH findings');
    assert.strictEqual(seriousFindings(`${REPO}@${digest(7)}`, complete({ CRITICAL: 1 })), 'demo/web@sha256:777777777777 has 1 CRITICAL findings');
    assert.strictEqual(seriousFindings(`${REPO}:2.1`, complete({ MEDIUM: 4, LOW: 1 })), undefined);
    assert.strictEqual(seriousFindings(`${REPO}:2.1`, undefined), undefined);
    assert.strictEqual(findingsRefusal('deploy', 'demo/web:2.1 has 2 CRITICAL and 5 HIGH findings'), 'deploy: demo/web:2.1 has 2 CRITICAL and 5 HIGH findings (ECR image scan). Nothing was deployed; pass "allowFindings": true to deploy it anyway.');
    assert.strictEqual(shortImageName('nginx:1.27'), 'nginx:1.27');
    const target = { service: 'web', cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo-fargate' };
    assert.strictEqual(
      deployQuestion(target, 'account 123456789012, us-east-1', 'demo/web:2.1 has 2 CRITICAL and 5 HIGH findings'),
      'demo/web:2.1 has 2 CRITICAL and 5 HIGH findings. Deploy anyway to service web in cluster demo-fargate (account 123456789012, us-east-1)?',
    );
    assert.strictEqual(deployQuestion(target, 'account 123456789012, us-east-1'), 'Deploy to service web in cluster demo-fargate (account 123456789012, us-east-1)?');
  });

  it('one repository whatever host form names it', () => {
    const key = 'ecr:123456789012:us-east-1:demo/web';
    for (const uri of [`${REPO}:2.1`, `${REPO}@${digest(1)}`, REPO, '123456789012.DKR.ECR.us-east-1.amazonaws.com/demo/web:x', '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/demo/web']) {
      assert.strictEqual(repositoryKey(uri), key, uri);
    }
    assert.notStrictEqual(repositoryKey('123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/web-canary'), key);
    assert.notStrictEqual(repositoryKey('123456789012.dkr.ecr.eu-west-1.amazonaws.com/demo/web'), key);
    assert.notStrictEqual(repositoryKey('210987654321.dkr.ecr.us-east-1.amazonaws.com/demo/web'), key);
    assert.ok(sameRepository('nginx:1.27', 'docker.io/library/nginx:latest'));
    assert.ok(sameRepository('bitnami/redis', 'index.docker.io/bitnami/redis:7'));
    assert.ok(sameRepository('127.0.0.1:5000/demo/web:1', '127.0.0.1:5000/demo/web@sha256:abc'));
    assert.ok(!sameRepository('127.0.0.1:5000/demo/web', REPO), 'another registry is another repository');
    assert.ok(!sameRepository('public.ecr.aws/docker/library/redis:7.2', 'redis:7.2'));
  });
});
