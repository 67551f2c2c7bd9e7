import type { AwsScope } from '../../aws/clientManager';
import type { ExplorerContext } from '../explorerNode';
import { PagedListNode } from '../pagedListNode';

/**
 * What a service's two kinds of *Deployments* history (ECS service deployments, CodeDeploy
 * deployments) share: paged under the service, and while what it read shows an unfinished
 * deployment, it asks the service to keep refreshing (which resets it each time).
 */
export abstract class DeploymentHistoryFolder<T> extends PagedListNode<T> {
  /** Whether what was read holds an unfinished deployment. */
  private active = false;

  constructor(
    ctx: ExplorerContext,
    readonly scope: AwsScope,
    readonly cluster: string,
    readonly service: string,
    parentId: string,
    /** Asks the service above to keep refreshing while a deployment shown here runs. */
    private readonly onActive: () => void,
  ) {
    super(ctx, `${parentId}/deployments`);
  }

  get showsActive(): boolean {
    return this.active;
  }

  /** Forgotten with the pages: a collapsed folder is not read again, so it keeps no service refreshing. */
  override reset(): void {
    super.reset();
    this.active = false;
  }

  /** After a read: `firstPage` starts over; an unfinished deployment in it (or an earlier page) keeps the service refreshing. */
  protected noteActive(readHasActive: boolean, firstPage: boolean): void {
    if (firstPage) this.active = false;
    if (readHasActive) this.active = true;
    if (this.active) this.onActive();
  }
}
