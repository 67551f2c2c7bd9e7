/**
 * Flows of several questions (Deploy: cluster → service → what → image): each question shows its
 * place, "Deploy (2/4): Service", and from the second on a Back button that shows the previous
 * question again with the answer given there picked. One helper for every chained flow: this file
 * is the flow (plain TypeScript, unit-tested), stepInput.ts the quick inputs' side of it.
 */

/** Thrown by a step's picker when Back is pressed; runSteps shows the previous step. */
export class BackError extends Error {
  constructor() {
    super('Back');
  }
}

/** What was answered at a step: the label picked (or text typed) and the picked item's value. */
export interface Answer {
  label: string;
  value?: unknown;
}

/** A picker's place in a flow: its title, whether Back is offered, the answer given before. */
export interface StepView {
  readonly title: string;
  readonly back: boolean;
  readonly previous?: Answer;
  answered(answer: Answer): void;
}

/** A picker's title alone, or its place in a flow. */
export type Asked = string | StepView;

export interface Step<S> {
  /** What the step asks ("Service"); the flow's name and the step's place go before it. */
  title: string | ((state: S) => string);
  /** Left out when false: the service is known from the explorer node, no image is replaced. */
  when?(state: S): boolean;
  /** Asks (through pickers given the view) and records the answer in `state`. */
  ask(view: StepView, state: S): Promise<void>;
}

/**
 * Runs the steps in order, skipping those whose `when` is false; Back (BackError) returns to the
 * previous step shown, and its picker shows the earlier answer picked (until an earlier step is
 * answered differently). Dismissing any step throws
 * CancellationError. The count is of the steps that apply given the answers so far, so it can grow
 * (replacing an image adds the image's step).
 */
export async function runSteps<S>(flow: string, steps: Step<S>[], state: S): Promise<S> {
  const applies = (step: Step<S>) => !step.when || step.when(state);
  const answers = new Map<Step<S>, Answer>();
  const shown: number[] = [];
  let index = 0;
  while (index < steps.length) {
    const step = steps[index];
    if (!applies(step)) {
      index++;
      continue;
    }
    const place = steps.slice(0, index).filter(applies).length + 1;
    const total = steps.filter(applies).length;
    const what = typeof step.title === 'string' ? step.title : step.title(state);
    const view: StepView = {
      title: total > 1 ? `${flow} (${place}/${total}): ${what}` : `${flow}: ${what}`,
      back: shown.length > 0,
      previous: answers.get(step),
      answered: (answer) => {
        // Another answer here makes the later ones moot (another cluster's services): forget them.
        if (answers.get(step)?.label !== answer.label) for (const later of steps.slice(index + 1)) answers.delete(later);
        answers.set(step, answer);
      },
    };
    try {
      await step.ask(view, state);
      shown.push(index);
      index++;
    } catch (error) {
      if (!(error instanceof BackError) || !shown.length) throw error;
      index = shown.pop()!;
    }
  }
  return state;
}

/** The answer given before at this step, if the picker is in a flow. */
export function previousAnswer(asked: Asked): Answer | undefined {
  return typeof asked === 'string' ? undefined : asked.previous;
}

/** Records the answer when the picker is in a flow. */
export function recordAnswer(asked: Asked, answer: Answer): void {
  if (typeof asked !== 'string') asked.answered(answer);
}
