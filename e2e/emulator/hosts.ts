/** What a request addresses, read from its Host header the way COS's DNS names map to services. */
export type Target =
  | { kind: 'service'; region?: string }
  | { kind: 'bucket'; bucket: string; region: string };

/**
 * Host names of a private deployment, served like COS's own (the app's service and bucket domain overrides).
 * The production names keep working beside them.
 */
export interface CustomDomains {
  /** host[:port] that answers GET Service for every region (one region with the `region` parameter). */
  serviceDomain?: string;
  /** Bucket host template naming `{Bucket}` (the full name) and `{Region}` once each: `{Bucket}.cos.{Region}.example.com`. */
  bucketDomain?: string;
}

const SERVICE_HOST = /^service\.cos\.myqcloud\.com$/i;
const REGION_HOST = /^cos\.([^.]+)\.myqcloud\.com$/i;
const BUCKET_HOST = /^([^.]+)\.cos\.([^.]+)\.myqcloud\.com$/i;

/** The host without its port: clients reaching the emulator directly may include one. */
export function hostName(host: string): string {
  return host.replace(/:\d+$/, '');
}

const bucketDomainPatterns = new Map<string, RegExp>();

/** The template as a pattern whose groups are the bucket and the region; throws for a template it cannot serve. */
export function bucketDomainPattern(template: string): RegExp {
  let pattern = bucketDomainPatterns.get(template);
  if (pattern) return pattern;
  const name = hostName(template);
  const count = (placeholder: string) => name.split(placeholder).length - 1;
  if (count('{Bucket}') !== 1 || count('{Region}') !== 1 || /[{}]/.test(name.replace(/\{Bucket\}|\{Region\}/g, ''))) {
    throw new Error(`The emulator's bucketDomain must name {Bucket} and {Region} once each, and no other placeholder: "${template}".`);
  }
  const source = name
    .split(/(\{Bucket\}|\{Region\})/)
    .map((part) =>
      part === '{Bucket}' ? '(?<bucket>[^.]+)' : part === '{Region}' ? '(?<region>[^.]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  pattern = new RegExp(`^${source}$`, 'i');
  bucketDomainPatterns.set(template, pattern);
  return pattern;
}

function parseCustomHost(name: string, domains: CustomDomains): Target | undefined {
  if (domains.serviceDomain && name.toLowerCase() === hostName(domains.serviceDomain).toLowerCase()) return { kind: 'service' };
  const bucket = domains.bucketDomain ? bucketDomainPattern(domains.bucketDomain).exec(name) : null;
  if (bucket?.groups) return { kind: 'bucket', bucket: bucket.groups.bucket, region: bucket.groups.region };
  return undefined;
}

export function parseHost(host: string, domains: CustomDomains = {}): Target | undefined {
  const name = hostName(host);
  const custom = parseCustomHost(name, domains);
  if (custom) return custom;
  if (SERVICE_HOST.test(name)) return { kind: 'service' };
  const region = REGION_HOST.exec(name);
  if (region) return { kind: 'service', region: region[1] };
  const bucket = BUCKET_HOST.exec(name);
  if (bucket) return { kind: 'bucket', bucket: bucket[1], region: bucket[2] };
  return undefined;
}
