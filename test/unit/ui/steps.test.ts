import * as assert from 'assert';
import { BackError, runSteps, type Step, type StepView } from '../../../src/ui/steps';

/** A person at the pickers: each step's answers in order, 'back' pressing Back; records what each step showed. */
function person(script: (string | 'back')[]) {
  const shown: { title: string; back: boolean; previous?: string }[] = [];
  const answer = async (view: StepView): Promise<string> => {
    shown.push({ title: view.title, back: view.back, previous: view.previous?.label });
    const next = script.shift();
    if (next === undefined) throw new Error(`no answer left for "${view.title}"`);
    if (next === 'back') throw new BackError();
    view.answered({ label: next });
    return next;
  };
  return { shown, answer };
}

interface State {
  cluster?: string;
  service?: string;
  container?: string;
  uri?: string;
  fromNode: boolean;
}

function deployLike(answer: (view: StepView) => Promise<string>): Step<State>[] {
  return [
    { title: 'Cluster', when: (s) => !s.fromNode, ask: async (view, s) => void (s.cluster = await answer(view)) },
    { title: 'Service', when: (s) => !s.fromNode, ask: async (view, s) => void (s.service = await answer(view)) },
    { title: 'Image', ask: async (view, s) => void (s.container = await answer(view)) },
    { title: (s) => `New image for ${s.container}`, when: (s) => s.container !== undefined && s.container !== 'keep', ask: async (view, s) => void (s.uri = await answer(view)) },
  ];
}

describe('multi-step flows: the step and its count in the title, Back to the previous answer', () => {
  it('titles each step "Flow (n/total): what", with Back from the second on; the count grows with an answer that adds a step', async () => {
    const { shown, answer } = person(['demo-fargate', 'web', 'api', 'api:1.3.0']);
    const state = await runSteps<State>('Deploy', deployLike(answer), { fromNode: false });
    assert.deepStrictEqual(state, { fromNode: false, cluster: 'demo-fargate', service: 'web', container: 'api', uri: 'api:1.3.0' });
    assert.deepStrictEqual(shown.map((s) => [s.title, s.back]), [
      ['Deploy (1/3): Cluster', false],
      ['Deploy (2/3): Service', true],
      ['Deploy (3/3): Image', true],
      ['Deploy (4/4): New image for api', true],
    ]);
  });

  it('Back shows the previous step with its answer picked; a new answer there carries on', async () => {
    const { shown, answer } = person(['demo-fargate', 'back', 'demo-ec2', 'cache', 'back', 'back', 'demo-ec2', 'cache', 'keep']);
    const state = await runSteps<State>('Deploy', deployLike(answer), { fromNode: false });
    assert.deepStrictEqual(shown.map((s) => `${s.title} [${s.previous ?? ''}]`), [
      'Deploy (1/3): Cluster []',
      'Deploy (2/3): Service []',
      'Deploy (1/3): Cluster [demo-fargate]',
      'Deploy (2/3): Service []',
      'Deploy (3/3): Image []',
      'Deploy (2/3): Service [cache]',
      'Deploy (1/3): Cluster [demo-ec2]',
      'Deploy (2/3): Service [cache]',
      'Deploy (3/3): Image []',
    ]);
    assert.strictEqual(state.cluster, 'demo-ec2');
    assert.strictEqual(state.container, 'keep');
    assert.strictEqual(state.uri, undefined, 'keeping the images leaves out the image step');
  });

  it('a different answer to an earlier step forgets the later answers (another cluster, other services)', async () => {
    const { shown, answer } = person(['demo-fargate', 'web', 'back', 'back', 'demo-ec2', 'cache', 'keep']);
    await runSteps<State>('Deploy', deployLike(answer), { fromNode: false });
    assert.deepStrictEqual(shown.map((s) => `${s.title} [${s.previous ?? ''}]`).slice(3, 6), ['Deploy (2/3): Service [web]', 'Deploy (1/3): Cluster [demo-fargate]', 'Deploy (2/3): Service []']);
  });

  it('steps left out (a service from the explorer) are not counted, and the first step shown has no Back', async () => {
    const { shown, answer } = person(['keep']);
    await runSteps('Deploy', deployLike(answer), { fromNode: true, cluster: 'c', service: 's' });
    assert.deepStrictEqual(shown, [{ title: 'Deploy: Image', back: false, previous: undefined }]);
  });

  it('Back over a step left out goes to the one before it', async () => {
    const steps: Step<{ skip: boolean; a?: string; c?: string }>[] = [];
    const { shown, answer } = person(['1', 'back', '2', 'x']);
    steps.push(
      { title: 'A', ask: async (view, s) => void (s.a = await answer(view)) },
      { title: 'B', when: (s) => !s.skip, ask: async () => assert.fail('left out') },
      { title: 'C', ask: async (view, s) => void (s.c = await answer(view)) },
    );
    const state = await runSteps('F', steps, { skip: true });
    assert.deepStrictEqual(shown.map((s) => s.title), ['F (1/2): A', 'F (2/2): C', 'F (1/2): A', 'F (2/2): C']);
    assert.deepStrictEqual(state, { skip: true, a: '2', c: 'x' });
  });

  it('dismissing a step ends the flow with its error', async () => {
    const steps: Step<object>[] = [{ title: 'A', ask: async () => Promise.reject(new Error('dismissed')) }];
    await assert.rejects(runSteps('F', steps, {}), /dismissed/);
  });
});
