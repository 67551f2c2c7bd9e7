/** A tiny typed event, shaped like vscode.Event so the editor layer can adapt it one-to-one. */
export interface Disposable {
  dispose(): void;
}

export type Listener<T> = (value: T) => void;

export class Emitter<T> {
  private listeners = new Set<Listener<T>>();

  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        // One broken listener must not stop the others from hearing about a context change.
        console.error('[ecs-workbench] listener failed', error);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
