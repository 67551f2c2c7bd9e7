/**
 * Writes src/cost/generated/price-snapshot.json from the AWS Price List data in scripts/pricing/data/.
 *
 *   npm run generate:price-snapshot              regenerate from the committed data
 *   npm run generate:price-snapshot -- --fetch   first replace the data with AWS's current public
 *                                                AmazonECS / AmazonECR offer files (network needed)
 *   npm run generate:price-snapshot -- --check   exit 1 when the committed snapshot is stale
 *
 * EC2 prices are not fetched (AmazonEC2 offer files are hundreds of MB): data/AmazonEC2/ is kept by hand from
 * a cited Price List source (SOURCES.md).
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildSnapshot, DATA_DIR, readPricingData, SNAPSHOT_FILE, snapshotText } from './buildSnapshot';
import { fetchOffers } from './fetchOffers';
import type { OfferFile } from './offerFile';

/** The repository root from out/scripts/pricing/ (compiled) or scripts/pricing/. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

function writeOffers(root: string, service: string, offers: Record<string, OfferFile>): void {
  const dir = path.join(root, ...DATA_DIR, service);
  fs.mkdirSync(dir, { recursive: true });
  for (const [region, offer] of Object.entries(offers)) fs.writeFileSync(path.join(dir, `${region}.json`), `${JSON.stringify(offer, null, 2)}\n`);
}

async function main(args: string[]): Promise<number> {
  const root = repoRoot();
  if (args.includes('--fetch')) {
    const log = (line: string): void => console.log(line);
    let ecs: Record<string, OfferFile>;
    let ecr: Record<string, OfferFile>;
    try {
      ecs = await fetchOffers('AmazonECS', log);
      ecr = await fetchOffers('AmazonECR', log);
    } catch (error) {
      console.error(`The AWS Price List offer files could not be read (${error instanceof Error ? error.message : String(error)}); the committed data in ${DATA_DIR.join('/')} is unchanged.`);
      return 2;
    }
    writeOffers(root, 'AmazonECS', ecs);
    writeOffers(root, 'AmazonECR', ecr);
  }
  const text = snapshotText(buildSnapshot(readPricingData(root)));
  const target = path.join(root, ...SNAPSHOT_FILE);
  if (args.includes('--check')) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current === text) return 0;
    console.error(`${SNAPSHOT_FILE.join('/')} is out of date: run \`npm run generate:price-snapshot\`.`);
    return 1;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  const snapshot = JSON.parse(text) as { asOf: string; regions: Record<string, unknown> };
  console.log(`${SNAPSHOT_FILE.join('/')}: ${Object.keys(snapshot.regions).length} region(s) (${Object.keys(snapshot.regions).join(', ')}), as of ${snapshot.asOf}`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
