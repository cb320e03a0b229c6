/**
 * Reads a GET Bucket answer (ListBucketResult) straight from its XML text, into the shape the SDK's general parser
 * gives (every value a string, entries in arrays), several times faster: a page of 1,000 keys cost the general
 * parser (and the garbage it leaves) more than the request itself on a fast link, for every page of a big folder.
 * Only the usual document is read this way: flat text fields, no CDATA. Anything else answers undefined, and the
 * caller parses it the general way.
 */
import { decode } from './bucket-list-xml';

export interface ObjectListXml {
  IsTruncated?: string;
  NextMarker?: string;
  CommonPrefixes: { Prefix?: string }[];
  Contents: { Key?: string; LastModified?: string; ETag?: string; Size?: string; StorageClass?: string }[];
}

const CONTENTS = /<Contents>([\s\S]*?)<\/Contents>/g;
const PREFIXES = /<CommonPrefixes>\s*<Prefix>([^<]*)<\/Prefix>\s*<\/CommonPrefixes>/g;
const FIELD = /<(Key|LastModified|ETag|Size|StorageClass)>([^<]*)<\/\1>/g;
const ENTRY_FIELDS = new Set(['Key', 'LastModified', 'ETag', 'Size', 'StorageClass']);

const occurrences = (text: string, needle: string): number => {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
};

/** The page, or undefined when the document is not the usual flat one (the caller then parses it in full). */
export function readObjectListXml(xml: string): ObjectListXml | undefined {
  if (xml.includes('<![CDATA[')) return undefined;
  const Contents: ObjectListXml['Contents'] = [];
  for (const entry of xml.matchAll(CONTENTS)) {
    const fields: Record<string, string> = {};
    for (const [, name, value] of entry[1].matchAll(FIELD)) if (ENTRY_FIELDS.has(name)) fields[name] = decode(value);
    Contents.push(fields);
  }
  const CommonPrefixes = [...xml.matchAll(PREFIXES)].map(([, prefix]) => ({ Prefix: decode(prefix) }));
  // Every entry read, or none of this way: an entry of another shape (empty, or an element with attributes) would
  // otherwise go missing from the folder.
  if (occurrences(xml, '<Contents>') !== Contents.length || occurrences(xml, '<Contents') !== Contents.length) return undefined;
  if (occurrences(xml, '<CommonPrefixes') !== CommonPrefixes.length) return undefined;
  // No value holds '<', so the page's own fields cannot be mistaken for text inside an entry.
  const field = (name: string): string | undefined => {
    const found = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
    return found ? decode(found[1]) : undefined;
  };
  return { IsTruncated: field('IsTruncated'), NextMarker: field('NextMarker'), CommonPrefixes, Contents };
}
