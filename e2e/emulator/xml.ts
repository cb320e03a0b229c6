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
