/** The drill's report: a plain-text table per part, every invariant PASS or FAIL, and the same as JSON. */
export interface Check {
  part: string;
  invariant: string;
  pass: boolean;
  detail: string;
}

export class Report {
  readonly checks: Check[] = [];
  readonly parts: Record<string, unknown> = {};
  readonly notes: string[] = [];

  check(part: string, invariant: string, pass: boolean, detail: string): void {
    this.checks.push({ part, invariant, pass, detail });
    console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${invariant}: ${detail}`);
  }

  get failed(): Check[] {
    return this.checks.filter((c) => !c.pass);
  }

  json(meta: Record<string, unknown>): string {
    return JSON.stringify({ ...meta, parts: this.parts, checks: this.checks, notes: this.notes, pass: this.failed.length === 0 }, null, 2);
  }
}

/** A plain-text table: the first row is the header; columns padded to their widest cell. */
export function table(rows: Array<Array<string | number>>): string {
  const cells = rows.map((r) => r.map(String));
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => '  ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), '  ' + widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function heading(title: string): void {
  console.log(`\n== ${title}`);
}
