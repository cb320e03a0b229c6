/** %-decodes, keeping text that is not valid %-encoding as it is, the way a lenient server reads URLs. */
export function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
