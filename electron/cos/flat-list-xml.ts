/**
 * Reads COS's listing answers (GET Bucket, GET Bucket versions, List Multipart Uploads) straight from their XML
 * text into the shape the SDK's general parser gives (every value a string, entries in arrays), several times
 * faster: a page of 1,000 entries cost the general parser (and the garbage it leaves) more than the request itself
 * on a fast link, for every page of a big folder or an emptying. Only the usual document is read this way: entries
 * of flat text fields, no CDATA. Anything else answers undefined, and the caller parses it the general way.
 */
import { decode } from './bucket-list-xml';

/** A listing's entries by element name, each with the fields read from it, and the page's own fields. */
export interface FlatListShape {
  entries: Record<string, readonly string[]>;
  page: readonly string[];
}

export const LISTING_SHAPES: Record<string, FlatListShape> = {
  ListBucketResult: {
    entries: { Contents: ['Key', 'LastModified', 'ETag', 'Size', 'StorageClass'], CommonPrefixes: ['Prefix'] },
    page: ['IsTruncated', 'NextMarker'],
  },
  ListVersionsResult: {
    entries: { Version: ['Key', 'VersionId', 'IsLatest'], DeleteMarker: ['Key', 'VersionId', 'IsLatest'] },
    page: ['IsTruncated', 'NextKeyMarker', 'NextVersionIdMarker'],
  },
  ListMultipartUploadsResult: {
    entries: { Upload: ['Key', 'UploadId'] },
    page: ['IsTruncated', 'NextKeyMarker', 'NextUploadIdMarker'],
  },
};

const FIELD = /<(\w+)>([^<]*)<\/\1>/g;

const occurrences = (text: string, needle: string): number => {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
};

/** The page, or undefined when the document is not the usual flat one (the caller then parses it in full). */
export function readFlatListXml(xml: string, shape: FlatListShape): Record<string, unknown> | undefined {
  if (xml.includes('<![CDATA[')) return undefined;
  const result: Record<string, unknown> = {};
  for (const [tag, names] of Object.entries(shape.entries)) {
    const wanted = new Set(names);
    const entries: Record<string, string>[] = [];
    for (const entry of xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))) {
      const fields: Record<string, string> = {};
      for (const [, name, value] of entry[1].matchAll(FIELD)) if (wanted.has(name)) fields[name] = decode(value);
      entries.push(fields);
    }
    // Every entry read, or none of this way: an entry of another shape (empty, or with attributes) would otherwise
    // go missing from the listing.
    if (occurrences(xml, `<${tag}>`) !== entries.length || xml.includes(`<${tag}/`) || xml.includes(`<${tag} `)) return undefined;
    result[tag] = entries;
  }
  // No value holds '<', so a page field cannot be mistaken for text inside an entry.
  for (const name of shape.page) {
    const found = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
    if (found) result[name] = decode(found[1]);
  }
  return result;
}
