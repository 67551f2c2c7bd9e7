// Everything the extension takes from the AWS SDK, in one module. esbuild bundles it on its own
// (dist/sdk.js) and sdkLoader.ts requires it on the first AWS call, so activation never pays for it.
export { ECSClient } from '@aws-sdk/client-ecs';
export * as ecs from '@aws-sdk/client-ecs';
export { ECRClient } from '@aws-sdk/client-ecr';
export * as ecr from '@aws-sdk/client-ecr';
export { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
export * as iam from '@aws-sdk/client-iam';
export * as logs from '@aws-sdk/client-cloudwatch-logs';
export * as secretsmanager from '@aws-sdk/client-secrets-manager';
export * as ssm from '@aws-sdk/client-ssm';
export * as autoscaling from '@aws-sdk/client-application-auto-scaling';
export * as ec2autoscaling from '@aws-sdk/client-auto-scaling';
export * as cloudwatch from '@aws-sdk/client-cloudwatch';
export * as elbv2 from '@aws-sdk/client-elastic-load-balancing-v2';
export * as ec2 from '@aws-sdk/client-ec2';
export * as codedeploy from '@aws-sdk/client-codedeploy';
export * as kms from '@aws-sdk/client-kms';
export * as pricing from '@aws-sdk/client-pricing';
export { fromNodeProviderChain } from '@aws-sdk/credential-providers';
export { NodeHttpHandler, NodeHttp2Handler } from '@smithy/node-http-handler';
export { SignatureV4 } from '@smithy/signature-v4';
export * as sso from '@aws-sdk/client-sso';
export { fromSso as ssoTokenProvider } from '@aws-sdk/token-providers';
export { fromSSO } from '@aws-sdk/credential-providers';
