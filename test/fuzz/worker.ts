// A fuzz worker process: generates the cases it is sent (by index) and runs them through exercise().
// A process of its own, so that a hang can be killed and counted, and its CPU time is the case's.
import { createHash } from 'crypto';
import { type Outcome, exercise, fuzzLanguageService } from './exercise';
import { caseBytes, generateCase, loadSeeds } from './generator';
import type { WorkerData, WorkerMessage } from './runner';

const data = JSON.parse(process.argv[2]) as WorkerData;
const seeds = loadSeeds(data.seedDirs);
const ls = fuzzLanguageService();
const post = (m: WorkerMessage) => process.send!(m);

process.on('message', (index: number) => {
  void (async () => {
    const c = generateCase({ seed: data.seed, seeds, scale: data.scale }, index);
    const digest = createHash('sha1').update(caseBytes(c)).digest('hex');
    post({ type: 'start', index, info: { id: c.id, mutation: c.mutation, classes: c.classes, digest, seedFile: c.seedFile, kind: c.kind, length: c.text.length } });
    let outcome: Outcome;
    try {
      outcome = await exercise(c, ls);
    } catch (e) {
      outcome = { ms: 0, wallMs: 0, entryMs: {}, diagnostics: 0, calls: 0, fixesOffered: 0, fixesApplied: 0, crash: { entry: 'harness', message: String(e), stack: (e as Error)?.stack } };
    }
    post({ type: 'done', index, outcome });
  })();
});
// The parent went away (a killed run): do not linger.
process.on('disconnect', () => process.exit(0));
post({ type: 'ready' });
