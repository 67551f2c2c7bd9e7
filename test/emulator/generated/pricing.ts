// Types of the pricing shapes the emulator serves, derived from pricing-2017-10-15.json (Apache-2.0, see NOTICE)
// by scripts/generate-emulator-model.ts. Do not edit.

/** An operation without input or output (smithy.api#Unit). */
export type Unit = Record<string, never>;

export interface AccessDeniedException {
  Message?: string;
}
export interface AttributeValue {
  Value?: string;
}
export interface DescribeServicesRequest {
  ServiceCode?: string;
  FormatVersion?: string;
  NextToken?: string;
  MaxResults?: number;
}
export interface DescribeServicesResponse {
  Services?: Service[];
  FormatVersion?: string;
  NextToken?: string;
}
export interface ExpiredNextTokenException {
  Message?: string;
}
export interface Filter {
  Type: FilterType;
  Field: string;
  Value: string;
}
export type FilterType = "TERM_MATCH" | "EQUALS" | "CONTAINS" | "ANY_OF" | "NONE_OF";
export interface GetAttributeValuesRequest {
  ServiceCode: string;
  AttributeName: string;
  NextToken?: string;
  MaxResults?: number;
}
export interface GetAttributeValuesResponse {
  AttributeValues?: AttributeValue[];
  NextToken?: string;
}
export interface GetProductsRequest {
  ServiceCode: string;
  Filters?: Filter[];
  FormatVersion?: string;
  NextToken?: string;
  MaxResults?: number;
}
export interface GetProductsResponse {
  FormatVersion?: string;
  PriceList?: string[];
  NextToken?: string;
}
export interface InternalErrorException {
  Message?: string;
}
export interface InvalidNextTokenException {
  Message?: string;
}
export interface InvalidParameterException {
  Message?: string;
}
export interface NotFoundException {
  Message?: string;
}
export interface Service {
  ServiceCode: string;
  AttributeNames?: string[];
}
export interface ThrottlingException {
  Message?: string;
}

/** Input and output of each operation the emulator serves. */
export interface Operations {
  GetProducts: { input: GetProductsRequest; output: GetProductsResponse };
  DescribeServices: { input: DescribeServicesRequest; output: DescribeServicesResponse };
  GetAttributeValues: { input: GetAttributeValuesRequest; output: GetAttributeValuesResponse };
}
