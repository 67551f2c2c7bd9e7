/**
 * Peer comparison: every task-definition fixture (test/fixtures/taskdefs/{valid,invalid}) validated by
 * the AWS Toolkit's task-definition schema (draft-07, through ajv) and by our linter.
 *
 *   npm run compare:peer
 *
 * The peer schema is read at run time from ../shared/peers/amazon-ecs-intellisense-schema.json (relative to
 * the repository root) and never copied into the repository; without it the comparison is skipped. The peer
 * has no service-definition schema, so service fixtures are not compared. Files are given to the peer as
 * users have them: nothing is unwrapped, no placeholder is filled.
 *
 * Output: one `peer file=… expected=valid|invalid ours_errors=n peer_errors=n` line per file, then
 * `peer summary files=… valid_files_ours_clean=… valid_files_peer_clean=… invalid_files_ours_flagged=…
 * invalid_files_peer_flagged=…`.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { validate } from '../../src/taskdef/validate';

const REPO = path.resolve(__dirname, '..', '..', '..');
const PEER_SCHEMA = path.join(REPO, '..', 'shared', 'peers', 'amazon-ecs-intellisense-schema.json');
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'taskdefs');

interface Row {
  file: string;
  expected: 'valid' | 'invalid';
  ours: number;
  peer: number;
}

function main(): number {
  if (!fs.existsSync(PEER_SCHEMA)) {
    console.log(`peer skipped: no peer schema at ${PEER_SCHEMA}`);
    return 0;
  }
  const schema = JSON.parse(fs.readFileSync(PEER_SCHEMA, 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const peerValidate = ajv.compile(schema);

  const rows: Row[] = [];
  for (const expected of ['valid', 'invalid'] as const) {
    const dir = path.join(FIXTURES, expected);
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const full = path.join(dir, name);
      const text = fs.readFileSync(full, 'utf8');
      const ours = validate(text, { kind: 'task', fileName: name }).diagnostics.filter((d) => d.severity === 'error').length;
      let peer: number;
      try {
        peer = peerValidate(JSON.parse(text)) ? 0 : (peerValidate.errors?.length ?? 1);
      } catch {
        peer = 1; // not JSON: the peer's editor reports the syntax error
      }
      rows.push({ file: path.relative(REPO, full).split(path.sep).join('/'), expected, ours, peer });
    }
  }

  for (const r of rows) console.log(`peer file=${r.file} expected=${r.expected} ours_errors=${r.ours} peer_errors=${r.peer}`);
  const valid = rows.filter((r) => r.expected === 'valid');
  const invalid = rows.filter((r) => r.expected === 'invalid');
  console.log(
    `peer summary files=${rows.length} valid_files_ours_clean=${valid.filter((r) => r.ours === 0).length} valid_files_peer_clean=${valid.filter((r) => r.peer === 0).length}` +
      ` invalid_files_ours_flagged=${invalid.filter((r) => r.ours > 0).length} invalid_files_peer_flagged=${invalid.filter((r) => r.peer > 0).length}`,
  );
  return 0;
}

process.exitCode = main();
