import * as assert from 'assert';
import { validate } from '../../../src/taskdef/validate';
import { PEER_CASES } from '../../fixtures/cloudformation/peerCases';

describe('CloudFormation templates: the ECS mistakes of the cfn-lint comparison', () => {
  for (const c of PEER_CASES) {
    it(`${c.id}: ${c.mistake}`, () => {
      const found = validate(c.template).diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code);
      assert.deepStrictEqual(found, c.ours);
    });
  }
});
