import type { EcrService } from '../../ecr/ecrService';
import type { ExplorerContext } from '../explorerNode';

/** What ECR nodes need: the explorer's context plus ECR reads for the current region. */
export interface EcrContext extends ExplorerContext {
  ecr(): EcrService;
}
