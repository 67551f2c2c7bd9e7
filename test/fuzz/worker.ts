// A fuzz worker: generates the cases it is sent (by index) and runs them through exercise().
// Runs in a worker thread so that a hang can be stopped (Worker.terminate) and counted.
import { createHash } from 'crypto';
import { parentPort, workerData } from 'worker_threads';
import { type Outcome, exercise, fuzzLanguageService } from './exercise';
import { caseBytes, generateCase, loadSeeds } from './generator';
import type { WorkerData, WorkerMessage } from './runner';

const data = workerData as WorkerData;
const seeds = loadSeeds(data.seedDirs);
const ls = fuzzLanguageService();
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

parentPort!.on('message', (index: number) => {
  void (async () => {
    const c = generateCase({ seed: data.seed, seeds, scale: data.scale }, index);
    const digest = createHash('sha1').update(caseBytes(c)).digest('hex');
    post({ type: 'start', index, info: { id: c.id, mutation: c.mutation, classes: c.classes, digest, seedFile: c.seedFile, kind: c.kind, length: c.text.length } });
    let outcome: Outcome;
    try {
      outcome = await exercise(c, ls);
    } catch (e) {
      outcome = { ms: 0, entryMs: {}, diagnostics: 0, calls: 0, fixesOffered: 0, fixesApplied: 0, crash: { entry: 'harness', message: String(e), stack: (e as Error)?.stack } };
    }
    post({ type: 'done', index, outcome });
  })();
});
post({ type: 'ready' });
