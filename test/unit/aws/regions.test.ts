import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ECS_REGIONS } from '../../../src/aws/regions';

/** The AWS SDK's partition data (the regions its endpoint rules know), read from the installed package. */
function sdkPartitions(): { id: string; regions: Record<string, { description?: string }> }[] {
  const file = path.join(require.resolve('@aws-sdk/core/package.json'), '..', 'dist-es', 'submodules', 'client', 'util-endpoints', 'lib', 'aws', 'partitions.js');
  const source = fs.readFileSync(file, 'utf8').replace('export const partitionsInfo =', 'module.exports =');
  const m = { exports: {} as { partitions: { id: string; regions: Record<string, { description?: string }> }[] } };
  new Function('module', source)(m);
  return m.exports.partitions;
}

describe('the region picker lists every region of the commercial, China and GovCloud partitions', () => {
  it('matches the SDK’s partition data', () => {
    const expected = sdkPartitions()
      .filter((p) => ['aws', 'aws-cn', 'aws-us-gov'].includes(p.id))
      .flatMap((p) => Object.keys(p.regions).filter((r) => /-\d+$/.test(r)))
      .sort();
    assert.deepStrictEqual(ECS_REGIONS.map((r) => r.id).sort(), expected);
  });
});
