import { readFile } from 'node:fs/promises';
import { PermanentError } from '../domain/errors.ts';
import { primaryLang } from '../domain/lang.ts';
import { checkFidelity, segmentHtml } from '../translate/index.ts';
import { escapeHtmlText } from '../translate/html-text.ts';
import { parseCommandArgs } from './args.ts';

const USAGE = 'transwire check --from en --to es <source.html|txt> <translation.html|txt> [--json]';

/** Runs the fidelity gate on a source and its translation; exits 1 when it finds errors. */
export default async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } });
  const from = primaryLang(values.from);
  const to = primaryLang(values.to);
  if (!from || !to || positionals.length !== 2) throw new PermanentError(`check: usage: ${USAGE}`, 'cli.usage');
  const [source, target] = await Promise.all(positionals.map((p) => readFile(p, 'utf8').then(segmentsOf)));
  const report = checkFidelity({ from, to, source: source!, target: target! });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ok: report.ok, findings: report.findings }, null, 2)}\n`);
  } else {
    const shown = report.findings.filter((f) => f.severity !== 'info');
    for (const f of shown) process.stdout.write(`${f.severity.padEnd(7)} ${f.check.padEnd(12)} ${f.segment === null ? '-' : `#${f.segment}`}  ${f.detail}\n`);
    process.stdout.write(`${report.ok ? 'ok' : 'FAILED'}: ${source!.length} paragraphs, ${shown.length} finding(s)\n`);
  }
  return report.ok ? 0 : 1;
}

/** HTML is split into blocks; plain text is one paragraph per non-empty line. */
export function segmentsOf(content: string): string[] {
  if (/<[a-z][^>]*>/i.test(content)) return segmentHtml(content).segments;
  return content.split(/\r?\n/).filter((l) => l.trim()).map((l) => escapeHtmlText(l.trim()));
}
