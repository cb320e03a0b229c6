/** What the three listings (objects, versions, uploads) share: their query checks and their key encoding. */
import { CosError } from './errors';
import { element } from './xml';

/** Both the default and the most a page may hold (docs 7734, 35521, 7736, 7747). */
export const MAX_PAGE = 1000;

/** A page size parameter: absent means 1,000; anything but a whole number from 1 to 1,000 is refused. */
export function pageSize(name: string, value: string | undefined): number {
  if (value === undefined) return MAX_PAGE;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_PAGE)) {
    throw new CosError('InvalidArgument', `${name} must be a whole number from 1 to ${MAX_PAGE}, not "${value}".`);
  }
  return n;
}

/** `encoding-type`: absent, or `url`, the only value COS documents. */
export function encodingType(query: ReadonlyMap<string, string>): 'url' | undefined {
  const value = query.get('encoding-type');
  if (value === undefined || value === '') return undefined;
  if (value !== 'url') throw new CosError('InvalidArgument', `encoding-type must be url, not "${value}".`);
  return 'url';
}

/** Percent-encodes as doc 7734's examples do: UTF-8 bytes and spaces encoded, `/` kept. */
export function urlEncodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/');
}

/** An element holding a key (or prefix, marker…), encoded when the caller asked for encoding-type=url. */
export function keyElement(name: string, value: string, encoding: 'url' | undefined): string {
  return element(name, encoding ? urlEncodeKey(value) : value);
}

/** The common prefix a key rolls up into under `delimiter`, or undefined when it is listed itself. */
export function commonPrefix(key: string, prefix: string, delimiter: string): string | undefined {
  if (delimiter === '') return undefined;
  const at = key.indexOf(delimiter, prefix.length);
  return at < 0 ? undefined : key.slice(0, at + delimiter.length);
}
