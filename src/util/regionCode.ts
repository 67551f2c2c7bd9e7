/** The form of an AWS region code (`eu-west-1`, `us-gov-east-1`, `cn-north-1`): checked before any call. */
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function isValidRegion(region: string): boolean {
  return REGION_PATTERN.test(region);
}
