import { readFile } from 'node:fs/promises';
import { primaryLang } from '../domain/lang.ts';
import { checkFidelity, segmentHtml } from '../translate/index.ts';
import { escapeHtml } from '../shared/escape-html.ts';
import { parseCommandArgs, UsageError } from './args.ts';

const USAGE = 'transwire check --from en --to es <source.html|txt> <translation.html|txt> [--json]';

/** Runs the fidelity gate on a source and its translation; exits 1 when it finds errors. */
export default async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    name: 'check',
    args: '--from LANG --to LANG <source.html|txt> <translation.html|txt>',
    summary: 'Runs the fidelity gate on a source and its translation; exits 1 when it finds errors.',
    options: {
      from: { type: 'string', arg: 'LANG', help: 'language of the source (en)' },
      to: { type: 'string', arg: 'LANG', help: 'language of the translation (es)' },
      json: { type: 'boolean', help: 'print the findings as JSON' },
    },
  });
  const from = primaryLang(values.from);
  const to = primaryLang(values.to);
  if (!from || !to) throw new UsageError('check', `--from and --to need language codes (en, es…): ${USAGE}`);
  if (positionals.length !== 2) throw new UsageError('check', `two files expected (the source and its translation), not ${positionals.length}: ${USAGE}`);
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
  return content.split(/\r?\n/).filter((l) => l.trim()).map((l) => escapeHtml(l.trim()));
}
