/** What a request addresses, read from its Host header the way COS's DNS names map to services. */
export type Target =
  | { kind: 'service'; region?: string }
  | { kind: 'bucket'; bucket: string; region: string };

const SERVICE_HOST = /^service\.cos\.myqcloud\.com$/i;
const REGION_HOST = /^cos\.([^.]+)\.myqcloud\.com$/i;
const BUCKET_HOST = /^([^.]+)\.cos\.([^.]+)\.myqcloud\.com$/i;

/** The host without its port: clients reaching the emulator directly may include one. */
export function hostName(host: string): string {
  return host.replace(/:\d+$/, '');
}

export function parseHost(host: string): Target | undefined {
  const name = hostName(host);
  if (SERVICE_HOST.test(name)) return { kind: 'service' };
  const region = REGION_HOST.exec(name);
  if (region) return { kind: 'service', region: region[1] };
  const bucket = BUCKET_HOST.exec(name);
  if (bucket) return { kind: 'bucket', bucket: bucket[1], region: bucket[2] };
  return undefined;
}
