/**
 * GetProducts' filters (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_Filter.html):
 * on `ServiceCode` or any attribute name (and, as the offer files name them, `productFamily` and
 * `sku`); TERM_MATCH and EQUALS an exact value, CONTAINS a substring, ANY_OF / NONE_OF a
 * comma-separated list of values. A product matches only when every filter holds.
 */
import type * as pricing from '../../generated/pricing';
import type { PriceListDocument } from './catalogue';

/** The value a filter's Field names on a product (undefined: the product has no such attribute). */
function fieldOf(doc: PriceListDocument, field: string): string | undefined {
  if (field === 'ServiceCode') return doc.serviceCode;
  if (field === 'productFamily') return doc.product.productFamily;
  if (field === 'sku') return doc.product.sku;
  return doc.product.attributes[field];
}

const listOf = (value: string) => value.split(',').map((v) => v.trim());

export function matches(doc: PriceListDocument, filter: pricing.Filter): boolean {
  const value = fieldOf(doc, filter.Field);
  switch (filter.Type) {
    case 'TERM_MATCH':
    case 'EQUALS':
      return value === filter.Value;
    case 'CONTAINS':
      return value !== undefined && value.includes(filter.Value);
    case 'ANY_OF':
      return value !== undefined && listOf(filter.Value).includes(value);
    case 'NONE_OF':
      return value === undefined || !listOf(filter.Value).includes(value);
  }
}
