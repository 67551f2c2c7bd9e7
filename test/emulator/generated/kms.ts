// Types of the kms shapes the emulator serves, derived from client-kms 3.1164.0 (schemas) (Apache-2.0, see NOTICE)
// by scripts/generate-emulator-model.ts. Do not edit.

/** An operation without input or output (smithy.api#Unit). */
export type Unit = Record<string, never>;

export interface AliasListEntry {
  AliasName?: string;
  AliasArn?: string;
  TargetKeyId?: string;
  CreationDate?: Date;
  LastUpdatedDate?: Date;
}
export interface AlreadyExistsException {
  message?: string;
}
export interface CloudHsmClusterInvalidConfigurationException {
  message?: string;
}
export interface CreateAliasRequest {
  AliasName: string;
  TargetKeyId: string;
}
export interface CreateKeyRequest {
  Policy?: string;
  Description?: string;
  KeyUsage?: KeyUsageType;
  CustomerMasterKeySpec?: CustomerMasterKeySpec;
  KeySpec?: KeySpec;
  Origin?: OriginType;
  CustomKeyStoreId?: string;
  BypassPolicyLockoutSafetyCheck?: boolean;
  Tags?: Tag[];
  MultiRegion?: boolean;
  XksKeyId?: string;
}
export interface CreateKeyResponse {
  KeyMetadata?: KeyMetadata;
}
export interface CustomKeyStoreInvalidStateException {
  message?: string;
}
export interface CustomKeyStoreNotFoundException {
  message?: string;
}
export type CustomerMasterKeySpec = "ECC_NIST_P256" | "ECC_NIST_P384" | "ECC_NIST_P521" | "ECC_SECG_P256K1" | "HMAC_224" | "HMAC_256" | "HMAC_384" | "HMAC_512" | "RSA_2048" | "RSA_3072" | "RSA_4096" | "SM2" | "SYMMETRIC_DEFAULT";
export type DataKeySpec = "AES_128" | "AES_256";
export interface DecryptRequest {
  CiphertextBlob?: Uint8Array | string;
  EncryptionContext?: Record<string, string>;
  GrantTokens?: string[];
  KeyId?: string;
  EncryptionAlgorithm?: EncryptionAlgorithmSpec;
  Recipient?: RecipientInfo;
  DryRun?: boolean;
  DryRunModifiers?: DryRunModifierType[];
}
export interface DecryptResponse {
  KeyId?: string;
  Plaintext?: Uint8Array | string;
  EncryptionAlgorithm?: EncryptionAlgorithmSpec;
  CiphertextForRecipient?: Uint8Array | string;
  KeyMaterialId?: string;
}
export interface DependencyTimeoutException {
  message?: string;
}
export interface DescribeKeyRequest {
  KeyId: string;
  GrantTokens?: string[];
}
export interface DescribeKeyResponse {
  KeyMetadata?: KeyMetadata;
}
export interface DisableKeyRequest {
  KeyId: string;
}
export interface DisabledException {
  message?: string;
}
export type DryRunModifierType = "IGNORE_CIPHERTEXT";
export interface DryRunOperationException {
  message?: string;
}
export interface EnableKeyRequest {
  KeyId: string;
}
export type EncapsulationAlgorithmSpec = "ML_KEM";
export type EncryptionAlgorithmSpec = "RSAES_OAEP_SHA_1" | "RSAES_OAEP_SHA_256" | "SM2PKE" | "SYMMETRIC_DEFAULT";
export type ExpirationModelType = "KEY_MATERIAL_DOES_NOT_EXPIRE" | "KEY_MATERIAL_EXPIRES";
export interface GenerateDataKeyRequest {
  KeyId: string;
  EncryptionContext?: Record<string, string>;
  NumberOfBytes?: number;
  KeySpec?: DataKeySpec;
  GrantTokens?: string[];
  Recipient?: RecipientInfo;
  DryRun?: boolean;
}
export interface GenerateDataKeyResponse {
  CiphertextBlob?: Uint8Array | string;
  Plaintext?: Uint8Array | string;
  KeyId?: string;
  CiphertextForRecipient?: Uint8Array | string;
  KeyMaterialId?: string;
}
export interface IncorrectKeyException {
  message?: string;
}
export interface InvalidAliasNameException {
  message?: string;
}
export interface InvalidArnException {
  message?: string;
}
export interface InvalidCiphertextException {
  message?: string;
}
export interface InvalidGrantTokenException {
  message?: string;
}
export interface InvalidKeyUsageException {
  message?: string;
}
export interface InvalidMarkerException {
  message?: string;
}
export interface KMSInternalException {
  message?: string;
}
export interface KMSInvalidStateException {
  message?: string;
}
export type KeyAgreementAlgorithmSpec = "ECDH";
export type KeyEncryptionMechanism = "RSAES_OAEP_SHA_256";
export type KeyManagerType = "AWS" | "CUSTOMER";
export interface KeyMetadata {
  KeyId: string;
  AWSAccountId?: string;
  Arn?: string;
  CreationDate?: Date;
  Enabled?: boolean;
  Description?: string;
  KeyUsage?: KeyUsageType;
  KeyState?: KeyState;
  DeletionDate?: Date;
  ValidTo?: Date;
  Origin?: OriginType;
  CustomKeyStoreId?: string;
  CloudHsmClusterId?: string;
  ExpirationModel?: ExpirationModelType;
  KeyManager?: KeyManagerType;
  CustomerMasterKeySpec?: CustomerMasterKeySpec;
  KeySpec?: KeySpec;
  EncryptionAlgorithms?: EncryptionAlgorithmSpec[];
  SigningAlgorithms?: SigningAlgorithmSpec[];
  KeyAgreementAlgorithms?: KeyAgreementAlgorithmSpec[];
  EncapsulationAlgorithms?: EncapsulationAlgorithmSpec[];
  MultiRegion?: boolean;
  MultiRegionConfiguration?: MultiRegionConfiguration;
  PendingDeletionWindowInDays?: number;
  MacAlgorithms?: MacAlgorithmSpec[];
  XksKeyConfiguration?: XksKeyConfigurationType;
  CurrentKeyMaterialId?: string;
}
export type KeySpec = "ECC_NIST_EDWARDS25519" | "ECC_NIST_P256" | "ECC_NIST_P384" | "ECC_NIST_P521" | "ECC_SECG_P256K1" | "HMAC_224" | "HMAC_256" | "HMAC_384" | "HMAC_512" | "ML_DSA_44" | "ML_DSA_65" | "ML_DSA_87" | "ML_KEM_1024" | "ML_KEM_512" | "ML_KEM_768" | "RSA_2048" | "RSA_3072" | "RSA_4096" | "SM2" | "SYMMETRIC_DEFAULT";
export type KeyState = "Creating" | "Disabled" | "Enabled" | "PendingDeletion" | "PendingImport" | "PendingReplicaDeletion" | "Unavailable" | "Updating";
export interface KeyUnavailableException {
  message?: string;
}
export type KeyUsageType = "ENCAPSULATE_DECAPSULATE" | "ENCRYPT_DECRYPT" | "GENERATE_VERIFY_MAC" | "KEY_AGREEMENT" | "SIGN_VERIFY";
export interface LimitExceededException {
  message?: string;
}
export interface ListAliasesRequest {
  KeyId?: string;
  Limit?: number;
  Marker?: string;
}
export interface ListAliasesResponse {
  Aliases?: AliasListEntry[];
  NextMarker?: string;
  Truncated?: boolean;
}
export type MacAlgorithmSpec = "HMAC_SHA_224" | "HMAC_SHA_256" | "HMAC_SHA_384" | "HMAC_SHA_512";
export interface MalformedPolicyDocumentException {
  message?: string;
}
export interface MultiRegionConfiguration {
  MultiRegionKeyType?: MultiRegionKeyType;
  PrimaryKey?: MultiRegionKey;
  ReplicaKeys?: MultiRegionKey[];
}
export interface MultiRegionKey {
  Arn?: string;
  Region?: string;
}
export type MultiRegionKeyType = "PRIMARY" | "REPLICA";
export interface NotFoundException {
  message?: string;
}
export type OriginType = "AWS_CLOUDHSM" | "AWS_KMS" | "EXTERNAL" | "EXTERNAL_KEY_STORE";
export interface RecipientInfo {
  KeyEncryptionAlgorithm?: KeyEncryptionMechanism;
  AttestationDocument?: Uint8Array | string;
}
export type SigningAlgorithmSpec = "ECDSA_SHA_256" | "ECDSA_SHA_384" | "ECDSA_SHA_512" | "ED25519_PH_SHA_512" | "ED25519_SHA_512" | "ML_DSA_SHAKE_256" | "RSASSA_PKCS1_V1_5_SHA_256" | "RSASSA_PKCS1_V1_5_SHA_384" | "RSASSA_PKCS1_V1_5_SHA_512" | "RSASSA_PSS_SHA_256" | "RSASSA_PSS_SHA_384" | "RSASSA_PSS_SHA_512" | "SM2DSA";
export interface Tag {
  TagKey: string;
  TagValue: string;
}
export interface TagException {
  message?: string;
}
export interface UnsupportedOperationException {
  message?: string;
}
export interface XksKeyAlreadyInUseException {
  message?: string;
}
export interface XksKeyConfigurationType {
  Id?: string;
}
export interface XksKeyInvalidConfigurationException {
  message?: string;
}
export interface XksKeyNotFoundException {
  message?: string;
}

/** Input and output of each operation the emulator serves. */
export interface Operations {
  CreateKey: { input: CreateKeyRequest; output: CreateKeyResponse };
  DescribeKey: { input: DescribeKeyRequest; output: DescribeKeyResponse };
  GenerateDataKey: { input: GenerateDataKeyRequest; output: GenerateDataKeyResponse };
  Decrypt: { input: DecryptRequest; output: DecryptResponse };
  ListAliases: { input: ListAliasesRequest; output: ListAliasesResponse };
  CreateAlias: { input: CreateAliasRequest; output: Unit };
  EnableKey: { input: EnableKeyRequest; output: Unit };
  DisableKey: { input: DisableKeyRequest; output: Unit };
}
