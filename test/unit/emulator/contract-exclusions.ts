/**
 * Where a documented example is itself inconsistent with its model or with what the service
 * documents elsewhere, the differences the contract test excuses, each with its reason (printed
 * with the result). An example id is `service:Operation#index` (the index in
 * generated/examples.json); `path` excuses that member and what is below it, `[*]` any index. With
 * `input`, the example's input member at `path` is replaced by that value before it is sent (the
 * example asks for something its own reference documents otherwise). The test fails on an
 * exclusion nothing needs any more.
 */
export interface Exclusion {
  id: string;
  path: string;
  reason: string;
  input?: unknown;
}

export const EXCLUSIONS: Exclusion[] = [
  {
    id: 'ecs:DescribeCapacityProviders#0',
    path: 'output.capacityProviders[*].tags',
    reason: 'the example asks without `include` yet shows `tags: []`; the API reference says of `include` "If this field is omitted, tags aren\'t included in the response." '
      + '(https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeCapacityProviders.html), so the emulator leaves `tags` out',
  },
  {
    id: 'autoscaling:DescribeScalingPolicies#0',
    path: 'output.NextToken',
    reason: 'the example ends its only page with `NextToken: ""`; the API reference says of NextToken "This value is null if there are no more results to return." '
      + '(https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DescribeScalingPolicies.html), so the emulator leaves it out',
  },
  {
    id: 'sso-oidc:CreateToken#0',
    path: 'input.grantType',
    input: 'urn:ietf:params:oauth:grant-type:device_code',
    reason: 'the example spells the grant `urn:ietf:params:oauth:grant-type:device-code`; the grantType reference lists "Device Code - urn:ietf:params:oauth:grant-type:device_code" '
      + '(https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_CreateToken.html, as RFC 8628 section 3.4), which the emulator accepts '
      + '(any other value is unsupported_grant_type); replayed with the documented value',
  },
  {
    id: 'pricing:DescribeServices#0',
    path: 'output.NextToken',
    reason: 'the example asks for the one service `AmazonEC2` and still shows `NextToken: "abcdefg123"`; with a ServiceCode DescribeServices describes that service only '
      + '("The code for the service whose information you want to retrieve", https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_DescribeServices.html), '
      + 'so there is no next page and the emulator gives no token',
  },
];
