/** COS regions (doc 6224). Unknown but well-formed regions stay usable: the catalog only labels them. */
export interface RegionInfo {
  id: string;
  name: string;
  area: 'mainland' | 'finance' | 'international';
  /** Multi-AZ storage is offered here. */
  maz: boolean;
  /** No new buckets can be created here. */
  soldOut?: boolean;
}

export const REGIONS: readonly RegionInfo[] = [
  { id: 'ap-beijing-1', name: 'Beijing Zone 1', area: 'mainland', maz: false, soldOut: true },
  { id: 'ap-beijing', name: 'Beijing', area: 'mainland', maz: true },
  { id: 'ap-nanjing', name: 'Nanjing', area: 'mainland', maz: false },
  { id: 'ap-shanghai', name: 'Shanghai', area: 'mainland', maz: true },
  { id: 'ap-guangzhou', name: 'Guangzhou', area: 'mainland', maz: true },
  { id: 'ap-chengdu', name: 'Chengdu', area: 'mainland', maz: false },
  { id: 'ap-chongqing', name: 'Chongqing', area: 'mainland', maz: false },
  { id: 'ap-shenzhen-fsi', name: 'Shenzhen Finance', area: 'finance', maz: false },
  { id: 'ap-shanghai-fsi', name: 'Shanghai Finance', area: 'finance', maz: true },
  { id: 'ap-beijing-fsi', name: 'Beijing Finance', area: 'finance', maz: false },
  { id: 'ap-hongkong', name: 'Hong Kong', area: 'international', maz: true },
  { id: 'ap-singapore', name: 'Singapore', area: 'international', maz: true },
  { id: 'ap-mumbai', name: 'Mumbai', area: 'international', maz: false },
  { id: 'ap-jakarta', name: 'Jakarta', area: 'international', maz: false },
  { id: 'ap-seoul', name: 'Seoul', area: 'international', maz: false },
  { id: 'ap-bangkok', name: 'Bangkok', area: 'international', maz: false },
  { id: 'ap-tokyo', name: 'Tokyo', area: 'international', maz: false },
  { id: 'na-siliconvalley', name: 'Silicon Valley', area: 'international', maz: false },
  { id: 'na-ashburn', name: 'Virginia', area: 'international', maz: false },
  { id: 'na-toronto', name: 'Toronto', area: 'international', maz: false },
  { id: 'sa-saopaulo', name: 'São Paulo', area: 'international', maz: false },
  { id: 'eu-frankfurt', name: 'Frankfurt', area: 'international', maz: false },
];

export const DEFAULT_REGION = 'ap-guangzhou';

const REGION_PATTERN = /^[a-z]{2}-[a-z]+(?:-\d+|-fsi)?$/;

export function isWellFormedRegion(region: string): boolean {
  return REGION_PATTERN.test(region);
}

export function findRegion(region: string): RegionInfo | undefined {
  return REGIONS.find((r) => r.id === region);
}

/** The readable name, or undefined for a region outside the catalog. */
export function regionName(region: string): string | undefined {
  return findRegion(region)?.name;
}

/** Whether the app offers multi-AZ for this region; unknown regions are not offered it. */
export function regionSupportsMaz(region: string): boolean {
  return findRegion(region)?.maz ?? false;
}
