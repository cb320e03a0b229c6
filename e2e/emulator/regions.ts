import { CosError } from './errors';

/** Regions where buckets can be created (doc 6224). Kept apart from the app's catalog on purpose: the
 *  emulator is an independent check on the app, so it must not share the app's mistakes. */
const REGIONS = new Set([
  'ap-beijing-1',
  'ap-beijing',
  'ap-nanjing',
  'ap-shanghai',
  'ap-guangzhou',
  'ap-chengdu',
  'ap-chongqing',
  'ap-shenzhen-fsi',
  'ap-shanghai-fsi',
  'ap-beijing-fsi',
  'ap-hongkong',
  'ap-singapore',
  'ap-mumbai',
  'ap-jakarta',
  'ap-seoul',
  'ap-bangkok',
  'ap-tokyo',
  'na-siliconvalley',
  'na-ashburn',
  'na-toronto',
  'sa-saopaulo',
  'eu-frankfurt',
]);

const SOLD_OUT = new Set(['ap-beijing-1']);

const MULTI_AZ = new Set(['ap-beijing', 'ap-guangzhou', 'ap-shanghai', 'ap-hongkong', 'ap-singapore', 'ap-shanghai-fsi']);

const REGION_FORMAT = /^[a-z]{2}-[a-z]+(?:-\d+|-fsi)?$/;

export function requireWellFormedRegion(region: string): void {
  if (!REGION_FORMAT.test(region)) {
    throw new CosError('InvalidRegionName', `The region "${region}" is not a valid COS region name.`);
  }
}

/** A region a new bucket may be created in. */
export function requireOpenRegion(region: string): void {
  requireWellFormedRegion(region);
  if (!REGIONS.has(region)) throw new CosError('InvalidRegionName', `The region "${region}" does not exist.`);
  if (SOLD_OUT.has(region)) {
    throw new CosError('InvalidLocationConstraint', `The region "${region}" is sold out: no new buckets can be created there.`);
  }
}

export function offersMultiAz(region: string): boolean {
  return MULTI_AZ.has(region);
}
