/**
 * The AWS Price List Query API: GetProducts, DescribeServices, GetAttributeValues over the products
 * of catalogue.ts (AWS's published Fargate, EC2 instance and ECR storage prices, from the bundled
 * snapshot's data). The Price List is global: every region's endpoint (AWS has us-east-1,
 * eu-central-1 and ap-south-1) answers about every region's products, so the catalogue is one per
 * emulator; calls are still counted in the region they were signed for.
 */
import type * as pricing from '../../generated/pricing';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import { defineService } from '../../kit/service';
import { perCore } from '../../kit/world';
import { Catalogue } from './catalogue';
import { matches } from './filters';

export const pricingCatalogue = perCore('pricing', () => new Catalogue());

const INVALID = 'InvalidParameterException';

/** "ServiceCode can only contain a-z, A-Z, 0-9" (AWS's reply to a service code with other characters). */
function checkServiceCode(code: string | undefined): void {
  if (code !== undefined && !/^[A-Za-z0-9]*$/.test(code)) throw new AwsError(INVALID, 'Input Parameters are invalid. ServiceCode can only contain a-z, A-Z, 0-9');
}

export const pricingService = defineService<pricing.Operations>({
  model: 'pricing',
  iamPrefix: 'pricing',
  validationError: INVALID,
  // "The pagination token is invalid. Try again without a pagination token." (the InvalidNextTokenException of
  // https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html); no lifetime documented.
  pageTokens: { error: 'InvalidNextTokenException', message: 'The pagination token is invalid. Try again without a pagination token.' },
  handlers: {
    GetProducts: (input, { core }) => {
      checkServiceCode(input.ServiceCode);
      const found = pricingCatalogue(core).products(input.ServiceCode).filter((doc) => (input.Filters ?? []).every((f) => matches(doc, f)));
      const p = page(found, input.MaxResults, input.NextToken, { def: 100, max: 100, error: INVALID, sizeName: 'MaxResults' });
      return { FormatVersion: 'aws_v1', PriceList: p.items.map((doc) => JSON.stringify(doc)), NextToken: p.next };
    },

    DescribeServices: (input, { core }) => {
      checkServiceCode(input.ServiceCode);
      const catalogue = pricingCatalogue(core);
      const codes = catalogue.serviceCodes().filter((c) => !input.ServiceCode || c === input.ServiceCode);
      const services = codes.map((code) => ({ ServiceCode: code, AttributeNames: [...new Set(catalogue.products(code).flatMap((d) => Object.keys(d.product.attributes)))].sort() }));
      const p = page(services, input.MaxResults, input.NextToken, { def: 100, max: 100, error: INVALID, sizeName: 'MaxResults' });
      return { Services: p.items, FormatVersion: 'aws_v1', NextToken: p.next };
    },

    GetAttributeValues: (input, { core }) => {
      checkServiceCode(input.ServiceCode);
      const values = [...new Set(pricingCatalogue(core).products(input.ServiceCode).map((d) => d.product.attributes[input.AttributeName]).filter((v) => v !== undefined))].sort();
      const p = page(values, input.MaxResults, input.NextToken, { def: 100, max: 10_000, error: INVALID, sizeName: 'MaxResults' });
      return { AttributeValues: p.items.map((Value) => ({ Value })), NextToken: p.next };
    },
  },
});
