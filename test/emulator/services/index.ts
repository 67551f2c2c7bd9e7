/** Every service the emulator serves: one folder each, registered here. */
import type { RegisteredService } from '../kit/service';
import { scalingService } from './autoscaling/index';
import { cloudwatchService } from './cloudwatch/index';
import { codeDeployService } from './codedeploy/index';
import { ecrService } from './ecr/index';
import { ec2AutoScalingService } from './ec2autoscaling/index';
import { ecsService } from './ecs/index';
import { ec2Service } from './ec2/index';
import { elbService } from './elbv2/index';
import { iamService } from './iam/index';
import { kmsService } from './kms/index';
import { logsService } from './logs/index';
import { pricingService } from './pricing/index';
import { secretsService } from './secretsmanager/index';
import { ssmService } from './ssm/index';
import { ssoOidcService } from './sso-oidc/index';
import { ssoService } from './sso/index';
import { stsService } from './sts/index';

export const SERVICES: RegisteredService[] = [
  ecsService, ecrService, logsService, scalingService, stsService, iamService, elbService, secretsService, ssmService, ssoService, ssoOidcService, cloudwatchService, codeDeployService, kmsService, pricingService, ec2AutoScalingService, ec2Service,
];
