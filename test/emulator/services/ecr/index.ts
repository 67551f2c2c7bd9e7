/**
 * Amazon ECR: repositories, images, scans, authorization tokens. With a registry configured
 * (`--registry`), images are read from that real Docker registry's /v2/ API, so a `docker push` to
 * it shows up in DescribeImages, and GetAuthorizationToken hands out its credentials.
 */
import type * as ecr from '../../generated/ecr';
import { defineService } from '../../kit/service';
import { imageHandlers } from './images';
import { repositoryHandlers } from './repositories';

export const ecrService = defineService<ecr.Operations>({
  model: 'ecr',
  iamPrefix: 'ecr',
  validationError: 'InvalidParameterException',
  // Real ECR answers a bad token with InvalidParameterException (the code its model lists); no public source gives its wording.
  pageTokens: { error: 'InvalidParameterException', message: 'The nextToken is not valid.' },
  // ECR words pattern violations its own way (e.g. https://github.com/localstack/localstack/issues/8051).
  patternMessage: (v) => `Invalid parameter at '${v.at}' failed to satisfy constraint: 'must satisfy regular expression '${v.pattern}''`,
  handlers: { ...repositoryHandlers, ...imageHandlers },
});
