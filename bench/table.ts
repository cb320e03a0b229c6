/** Plain-text tables for the terminal and for the README. */

export interface TableSpec {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  notes?: string[];
}

export function renderTable({ title, columns, rows, notes = [] }: TableSpec): string {
  const cells = [columns, ...rows.map((r) => r.map(String))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`;
  return [`### ${title}`, '', line(columns), rule, ...cells.slice(1).map(line), '', ...notes.map((n) => `${n}`), ''].join('\n');
}
