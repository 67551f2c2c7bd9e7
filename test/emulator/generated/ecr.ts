// Types of the ecr shapes the emulator serves, derived from ecr-2015-09-21.json (Apache-2.0, see NOTICE)
// by scripts/generate-emulator-model.ts. Do not edit.

/** An operation without input or output (smithy.api#Unit). */
export type Unit = Record<string, never>;

export interface Attribute {
  key: string;
  value?: string;
}
export interface AuthorizationData {
  authorizationToken?: string;
  expiresAt?: Date;
  proxyEndpoint?: string;
}
export interface AwsEcrContainerImageDetails {
  architecture?: string;
  author?: string;
  imageHash?: string;
  imageTags?: string[];
  platform?: string;
  pushedAt?: Date;
  lastInUseAt?: Date;
  inUseCount?: number;
  registry?: string;
  repositoryName?: string;
}
export interface BatchDeleteImageRequest {
  registryId?: string;
  repositoryName: string;
  imageIds: ImageIdentifier[];
}
export interface BatchDeleteImageResponse {
  imageIds?: ImageIdentifier[];
  failures?: ImageFailure[];
}
export interface CreateRepositoryRequest {
  registryId?: string;
  repositoryName: string;
  tags?: Tag[];
  imageTagMutability?: ImageTagMutability;
  imageTagMutabilityExclusionFilters?: ImageTagMutabilityExclusionFilter[];
  imageScanningConfiguration?: ImageScanningConfiguration;
  encryptionConfiguration?: EncryptionConfiguration;
}
export interface CreateRepositoryResponse {
  repository?: Repository;
}
export interface CvssScore {
  baseScore?: number;
  scoringVector?: string;
  source?: string;
  version?: string;
}
export interface CvssScoreAdjustment {
  metric?: string;
  reason?: string;
}
export interface CvssScoreDetails {
  adjustments?: CvssScoreAdjustment[];
  score?: number;
  scoreSource?: string;
  scoringVector?: string;
  version?: string;
}
export interface DeleteRepositoryRequest {
  registryId?: string;
  repositoryName: string;
  force?: boolean;
}
export interface DeleteRepositoryResponse {
  repository?: Repository;
}
export interface DescribeImageScanFindingsRequest {
  registryId?: string;
  repositoryName: string;
  imageId: ImageIdentifier;
  nextToken?: string;
  maxResults?: number;
}
export interface DescribeImageScanFindingsResponse {
  registryId?: string;
  repositoryName?: string;
  imageId?: ImageIdentifier;
  imageScanStatus?: ImageScanStatus;
  imageScanFindings?: ImageScanFindings;
  nextToken?: string;
}
export interface DescribeImagesFilter {
  tagStatus?: TagStatus;
  imageStatus?: ImageStatusFilter;
}
export interface DescribeImagesRequest {
  registryId?: string;
  repositoryName: string;
  imageIds?: ImageIdentifier[];
  nextToken?: string;
  maxResults?: number;
  filter?: DescribeImagesFilter;
}
export interface DescribeImagesResponse {
  imageDetails?: ImageDetail[];
  nextToken?: string;
}
export interface DescribeRepositoriesRequest {
  registryId?: string;
  repositoryNames?: string[];
  nextToken?: string;
  maxResults?: number;
}
export interface DescribeRepositoriesResponse {
  repositories?: Repository[];
  nextToken?: string;
}
export interface EncryptionConfiguration {
  encryptionType: EncryptionType;
  kmsKey?: string;
}
export type EncryptionType = "AES256" | "KMS" | "KMS_DSSE";
export interface EnhancedImageScanFinding {
  awsAccountId?: string;
  description?: string;
  findingArn?: string;
  firstObservedAt?: Date;
  lastObservedAt?: Date;
  packageVulnerabilityDetails?: PackageVulnerabilityDetails;
  remediation?: Remediation;
  resources?: Resource[];
  score?: number;
  scoreDetails?: ScoreDetails;
  severity?: string;
  status?: string;
  title?: string;
  type?: string;
  updatedAt?: Date;
  fixAvailable?: string;
  exploitAvailable?: string;
}
export type FindingSeverity = "INFORMATIONAL" | "LOW" | "MEDIUM" | "HIGH" | "CRITICAL" | "UNDEFINED";
export interface GetAuthorizationTokenRequest {
  registryIds?: string[];
}
export interface GetAuthorizationTokenResponse {
  authorizationData?: AuthorizationData[];
}
export interface ImageArchivedException {
  message?: string;
}
export interface ImageDetail {
  registryId?: string;
  repositoryName?: string;
  imageDigest?: string;
  imageTags?: string[];
  imageSizeInBytes?: number;
  imagePushedAt?: Date;
  imageScanStatus?: ImageScanStatus;
  imageScanFindingsSummary?: ImageScanFindingsSummary;
  imageManifestMediaType?: string;
  artifactMediaType?: string;
  lastRecordedPullTime?: Date;
  subjectManifestDigest?: string;
  imageStatus?: ImageStatus;
  lastArchivedAt?: Date;
  lastActivatedAt?: Date;
}
export interface ImageFailure {
  imageId?: ImageIdentifier;
  failureCode?: ImageFailureCode;
  failureReason?: string;
}
export type ImageFailureCode = "InvalidImageDigest" | "InvalidImageTag" | "ImageTagDoesNotMatchDigest" | "ImageNotFound" | "MissingDigestAndTag" | "ImageReferencedByManifestList" | "KmsError" | "UpstreamAccessDenied" | "UpstreamTooManyRequests" | "UpstreamUnavailable" | "ImageInaccessible";
export interface ImageIdentifier {
  imageDigest?: string;
  imageTag?: string;
}
export interface ImageNotFoundException {
  message?: string;
}
export interface ImageScanFinding {
  name?: string;
  description?: string;
  uri?: string;
  severity?: FindingSeverity;
  attributes?: Attribute[];
}
export interface ImageScanFindings {
  imageScanCompletedAt?: Date;
  vulnerabilitySourceUpdatedAt?: Date;
  findingSeverityCounts?: Record<string, number>;
  findings?: ImageScanFinding[];
  enhancedFindings?: EnhancedImageScanFinding[];
}
export interface ImageScanFindingsSummary {
  imageScanCompletedAt?: Date;
  vulnerabilitySourceUpdatedAt?: Date;
  findingSeverityCounts?: Record<string, number>;
}
export interface ImageScanStatus {
  status?: ScanStatus;
  description?: string;
}
export interface ImageScanningConfiguration {
  scanOnPush?: boolean;
}
export type ImageStatus = "ACTIVE" | "ARCHIVED" | "ACTIVATING";
export type ImageStatusFilter = "ACTIVE" | "ARCHIVED" | "ACTIVATING" | "ANY";
export type ImageTagMutability = "MUTABLE" | "IMMUTABLE" | "IMMUTABLE_WITH_EXCLUSION" | "MUTABLE_WITH_EXCLUSION";
export interface ImageTagMutabilityExclusionFilter {
  filterType: ImageTagMutabilityExclusionFilterType;
  filter: string;
}
export type ImageTagMutabilityExclusionFilterType = "WILDCARD";
export interface InvalidParameterException {
  message?: string;
}
export interface InvalidTagParameterException {
  message?: string;
}
export interface KmsException {
  message?: string;
  kmsError?: string;
}
export interface LimitExceededException {
  message?: string;
}
export interface ListImagesFilter {
  tagStatus?: TagStatus;
  imageStatus?: ImageStatusFilter;
}
export interface ListImagesRequest {
  registryId?: string;
  repositoryName: string;
  nextToken?: string;
  maxResults?: number;
  filter?: ListImagesFilter;
}
export interface ListImagesResponse {
  imageIds?: ImageIdentifier[];
  nextToken?: string;
}
export interface ListTagsForResourceRequest {
  resourceArn: string;
}
export interface ListTagsForResourceResponse {
  tags?: Tag[];
}
export interface PackageVulnerabilityDetails {
  cvss?: CvssScore[];
  referenceUrls?: string[];
  relatedVulnerabilities?: string[];
  source?: string;
  sourceUrl?: string;
  vendorCreatedAt?: Date;
  vendorSeverity?: string;
  vendorUpdatedAt?: Date;
  vulnerabilityId?: string;
  vulnerablePackages?: VulnerablePackage[];
}
export interface PutImageScanningConfigurationRequest {
  registryId?: string;
  repositoryName: string;
  imageScanningConfiguration: ImageScanningConfiguration;
}
export interface PutImageScanningConfigurationResponse {
  registryId?: string;
  repositoryName?: string;
  imageScanningConfiguration?: ImageScanningConfiguration;
}
export interface PutImageTagMutabilityRequest {
  registryId?: string;
  repositoryName: string;
  imageTagMutability: ImageTagMutability;
  imageTagMutabilityExclusionFilters?: ImageTagMutabilityExclusionFilter[];
}
export interface PutImageTagMutabilityResponse {
  registryId?: string;
  repositoryName?: string;
  imageTagMutability?: ImageTagMutability;
  imageTagMutabilityExclusionFilters?: ImageTagMutabilityExclusionFilter[];
}
export interface Recommendation {
  url?: string;
  text?: string;
}
export interface Remediation {
  recommendation?: Recommendation;
}
export interface Repository {
  repositoryArn?: string;
  registryId?: string;
  repositoryName?: string;
  repositoryUri?: string;
  createdAt?: Date;
  imageTagMutability?: ImageTagMutability;
  imageTagMutabilityExclusionFilters?: ImageTagMutabilityExclusionFilter[];
  imageScanningConfiguration?: ImageScanningConfiguration;
  encryptionConfiguration?: EncryptionConfiguration;
}
export interface RepositoryAlreadyExistsException {
  message?: string;
}
export interface RepositoryNotEmptyException {
  message?: string;
}
export interface RepositoryNotFoundException {
  message?: string;
}
export interface Resource {
  details?: ResourceDetails;
  id?: string;
  tags?: Record<string, string>;
  type?: string;
}
export interface ResourceDetails {
  awsEcrContainerImage?: AwsEcrContainerImageDetails;
}
export interface ScanNotFoundException {
  message?: string;
}
export type ScanStatus = "IN_PROGRESS" | "COMPLETE" | "FAILED" | "UNSUPPORTED_IMAGE" | "ACTIVE" | "PENDING" | "SCAN_ELIGIBILITY_EXPIRED" | "FINDINGS_UNAVAILABLE" | "LIMIT_EXCEEDED" | "IMAGE_ARCHIVED";
export interface ScoreDetails {
  cvss?: CvssScoreDetails;
}
export interface ServerException {
  message?: string;
}
export interface StartImageScanRequest {
  registryId?: string;
  repositoryName: string;
  imageId: ImageIdentifier;
}
export interface StartImageScanResponse {
  registryId?: string;
  repositoryName?: string;
  imageId?: ImageIdentifier;
  imageScanStatus?: ImageScanStatus;
}
export interface Tag {
  Key: string;
  Value: string;
}
export interface TagResourceRequest {
  resourceArn: string;
  tags: Tag[];
}
export type TagResourceResponse = Unit;
export type TagStatus = "TAGGED" | "UNTAGGED" | "ANY";
export interface TooManyTagsException {
  message?: string;
}
export interface UnsupportedImageTypeException {
  message?: string;
}
export interface UntagResourceRequest {
  resourceArn: string;
  tagKeys: string[];
}
export type UntagResourceResponse = Unit;
export interface ValidationException {
  message?: string;
}
export interface VulnerablePackage {
  arch?: string;
  epoch?: number;
  filePath?: string;
  name?: string;
  packageManager?: string;
  release?: string;
  sourceLayerHash?: string;
  version?: string;
  fixedInVersion?: string;
}

/** Input and output of each operation the emulator serves. */
export interface Operations {
  CreateRepository: { input: CreateRepositoryRequest; output: CreateRepositoryResponse };
  DescribeRepositories: { input: DescribeRepositoriesRequest; output: DescribeRepositoriesResponse };
  DeleteRepository: { input: DeleteRepositoryRequest; output: DeleteRepositoryResponse };
  DescribeImages: { input: DescribeImagesRequest; output: DescribeImagesResponse };
  ListImages: { input: ListImagesRequest; output: ListImagesResponse };
  BatchDeleteImage: { input: BatchDeleteImageRequest; output: BatchDeleteImageResponse };
  PutImageTagMutability: { input: PutImageTagMutabilityRequest; output: PutImageTagMutabilityResponse };
  PutImageScanningConfiguration: { input: PutImageScanningConfigurationRequest; output: PutImageScanningConfigurationResponse };
  StartImageScan: { input: StartImageScanRequest; output: StartImageScanResponse };
  DescribeImageScanFindings: { input: DescribeImageScanFindingsRequest; output: DescribeImageScanFindingsResponse };
  GetAuthorizationToken: { input: GetAuthorizationTokenRequest; output: GetAuthorizationTokenResponse };
  TagResource: { input: TagResourceRequest; output: TagResourceResponse };
  UntagResource: { input: UntagResourceRequest; output: UntagResourceResponse };
  ListTagsForResource: { input: ListTagsForResourceRequest; output: ListTagsForResourceResponse };
}
