/** The declaration COS puts at the top of its documents, quotes and spacing included. */
export const XML_DECLARATION = "<?xml version='1.0' encoding='utf-8' ?>\n";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const UNESCAPES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** `<name>content</name>`; content is escaped unless it is already markup (`raw`). */
export function element(name: string, content: string, options: { raw?: boolean } = {}): string {
  return `<${name}>${options.raw ? content : escapeXml(content)}</${name}>`;
}

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => UNESCAPES[name]);
}

/**
 * Reads a flat request document such as `<Root><A>x</A><B>y</B></Root>` into its child elements' text.
 * Request bodies the emulator accepts are never deeper than that, so anything else is reported as
 * malformed (undefined) rather than parsed half-way.
 */
export function readFlatDocument(body: string, root: string): Map<string, string> | undefined {
  const text = body.replace(/^\uFEFF?\s*(?:<\?xml[^>]*\?>)?\s*/, '').trimEnd();
  const outer = new RegExp(`^<${root}(?:\\s[^>]*)?>([\\s\\S]*)</${root}>$`).exec(text);
  if (!outer) return undefined;
  const children = new Map<string, string>();
  const child = /\s*<([A-Za-z][\w.-]*)>([^<]*)<\/\1>\s*|\s*<([A-Za-z][\w.-]*)\/>\s*/y;
  const inner = outer[1].trim();
  while (child.lastIndex < inner.length) {
    const m = child.exec(inner);
    if (!m) return undefined;
    if (m[1]) children.set(m[1], unescapeXml(m[2]).trim());
    else children.set(m[3], '');
  }
  return children;
}

/** Text with XML's five entities and numeric character references read back. */
export function xmlText(text: string): string {
  return text.replace(/&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec: string, hex: string) =>
    name ? UNESCAPES[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16)),
  );
}

/** The raw inner markup of each `<name>…</name>` child, in order (`<name/>` counts as empty). */
export function childElements(markup: string, name: string): string[] {
  const pattern = new RegExp(`<${name}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${name}>)`, 'g');
  return [...markup.matchAll(pattern)].map((m) => m[1] ?? '');
}

/** The text of the first `<name>` child, entities read; undefined when there is none. */
export function childText(markup: string, name: string): string | undefined {
  const [first] = childElements(markup, name);
  return first === undefined ? undefined : xmlText(first);
}

/** The inner markup of a document whose root is `root`, or undefined when the root is something else. */
export function rootContent(body: string, root: string): string | undefined {
  const text = body.replace(/^\uFEFF?\s*(?:<\?xml[^>]*\?>)?\s*/, '').trimEnd();
  return new RegExp(`^<${root}(?:\\s[^>]*)?>([\\s\\S]*)</${root}>$`).exec(text)?.[1];
}
