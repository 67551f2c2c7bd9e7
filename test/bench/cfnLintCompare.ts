/**
 * Peer comparison with cfn-lint on CloudFormation templates: the ECS mistakes of
 * test/fixtures/cloudformation/peerCases.ts and the corpus (test/corpus/cloudformation), each linted by
 * this linter and by cfn-lint (when `cfn-lint` is on PATH; its version is printed; without it only our
 * side is printed).
 *
 *   npm run -s compare:cfn-lint
 *
 * Output: one `cfn-lint case=… ours=… peer=… recorded_peer=…` line per case (codes joined by `,`, `-`
 * for none), one `cfn-lint corpus=… ours=… peer=…` line per corpus file (cfn-lint's ids there include
 * its template-wide rules), then `cfn-lint summary cases=… ours_caught=… peer_caught=… peer_as_recorded=…`.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { validate } from '../../src/taskdef/validate';
import { PEER_CASES } from '../fixtures/cloudformation/peerCases';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CORPUS = path.join(REPO, 'test', 'corpus', 'cloudformation');

function cfnLintVersion(): string | undefined {
  try {
    return execFileSync('cfn-lint', ['--version'], { encoding: 'utf8', cwd: os.tmpdir() }).trim();
  } catch {
    return undefined;
  }
}

/** cfn-lint's rule ids for a file (it exits non-zero when it finds something: the output is read anyway). */
function cfnLint(file: string): string[] {
  let out: string;
  try {
    out = execFileSync('cfn-lint', ['--format', 'json', file], { encoding: 'utf8', cwd: os.tmpdir() });
  } catch (e) {
    out = (e as { stdout?: string }).stdout ?? '[]';
  }
  return (JSON.parse(out || '[]') as { Rule: { Id: string } }[]).map((m) => m.Rule.Id);
}

const ours = (text: string) => validate(text).diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code);
const list = (codes: string[]) => (codes.length ? codes.join(',') : '-');

function main(): void {
  const version = cfnLintVersion();
  console.log(`cfn-lint peer=${version ?? 'not installed'}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-lint-compare-'));
  let oursCaught = 0;
  let peerCaught = 0;
  let asRecorded = 0;
  try {
    for (const c of PEER_CASES) {
      const file = path.join(dir, `${c.id}.yaml`);
      fs.writeFileSync(file, c.template);
      const mine = ours(c.template);
      const peer = version ? cfnLint(file) : undefined;
      if (c.id !== 'valid' && mine.length) oursCaught++;
      if (c.id !== 'valid' && peer?.length) peerCaught++;
      if (peer && list(peer) === list(c.cfnLint)) asRecorded++;
      console.log(`cfn-lint case=${c.id} ours=${list(mine)} peer=${peer ? list(peer) : 'n/a'} recorded_peer=${list(c.cfnLint)}`);
    }
    for (const name of fs.readdirSync(CORPUS).filter((f) => /\.(ya?ml|json|template)$/.test(f)).sort()) {
      const file = path.join(CORPUS, name);
      console.log(`cfn-lint corpus=${name} ours=${list(ours(fs.readFileSync(file, 'utf8')))} peer=${version ? list(cfnLint(file)) : 'n/a'}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`cfn-lint summary cases=${PEER_CASES.length - 1} ours_caught=${oursCaught} peer_caught=${version ? peerCaught : 'n/a'} peer_as_recorded=${version ? `${asRecorded}/${PEER_CASES.length}` : 'n/a'}`);
}

main();
