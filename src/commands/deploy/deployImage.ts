import type { AwsScope } from '../../aws/clientManager';

/**
 * "Deploy the image just pushed" (from the push notification): a class instance, so the deploy
 * command stays interactive and offers this image first. Its own small module: the push command in
 * the entry bundle creates it, the deploy command in the lazily loaded bundle reads it.
 */
export class DeployImage {
  constructor(
    readonly imageUri: string,
    /** Where the image was pushed: the deploy's pickers start there. */
    readonly scope: AwsScope,
    /** The pushed image's digest: the picker lists that image once, as the one just pushed. */
    readonly digest?: string,
  ) {}
}
