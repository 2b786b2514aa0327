import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const STACK = /\n\s+at |Error \[ERR_|TypeError|node:internal/;

/** A usage mistake: exit 2, exactly one line on stderr, nothing on stdout, no stack trace. */
function expectUsageError(res: { code: number; stdout: string; stderr: string }, ...parts: string[]): void {
  expect(res.code, res.stderr).toBe(2);
  expect(res.stderr).not.toMatch(STACK);
  expect(res.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(res.stdout).toBe('');
  for (const p of parts) expect(res.stderr).toContain(p);
}

describe('the operator\'s terminal', { timeout: 600_000 }, () => {
  it('prints the top-level help with exit 0, and the version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: transwire /);
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toMatch(new RegExp(`^transwire ${pkg.version.replace(/\./g, '\\.')} \\((compiled|TypeScript sources)`));
  });

  it('answers --help for every command with exit 0 and its options, never a stack trace', async () => {
    const top = await runCli(['--help']);
    const commands = [...top.stdout.matchAll(/^ {2}([a-z-]+) {2,}/gm)].map((m) => m[1]!);
    expect(commands).toEqual(expect.arrayContaining(['run', 'web', 'worker', 'demo', 'source', 'review', 'takedown', 'preview', 'translate']));
    // Two at a time: each is a Node process loading its command's code.
    for (let i = 0; i < commands.length; i += 2) {
      await Promise.all(
        commands.slice(i, i + 2).map(async (name) => {
          const res = await runCli([name, '--help']);
          expect(res.stderr, name).toBe('');
          expect(res.code, name).toBe(0);
          expect(res.stdout, name).toMatch(new RegExp(`^usage: transwire ${name}\\b`));
          expect(res.stdout, name).toContain('--config PATH');
        }),
      );
    }
  });

  it('names a mistyped flag, action or command in one line with exit 2, and what was meant', async () => {
    const [prot, lst, sorce, review, port, extra, none] = [
      await runCli(['run', '--prot', '9']),
      await runCli(['source', 'lst']),
      await runCli(['sorce', 'list']),
      await runCli(['review', 'approve', 'abc']),
      await runCli(['demo', '--port', 'eighty']),
      await runCli(['migrate', 'now']),
      await runCli(['preview']),
    ];
    expectUsageError(prot, 'unknown option --prot', 'did you mean --port?');
    expectUsageError(lst, 'unknown action "lst"', 'did you mean "list"?');
    expectUsageError(sorce, 'unknown command "sorce"', 'did you mean "source"?');
    expectUsageError(review, 'review', '"abc"');
    expectUsageError(port, '--port', '"eighty"');
    expectUsageError(extra, 'unexpected argument "now"');
    expectUsageError(none, 'missing <url>');
  });

  it('prints the stack trace of a failure only with --debug', async () => {
    const plain = await runCli(['extract', '--json', '/nonexistent/page.html']);
    expect(plain.code).toBe(1);
    const quiet = await runCli(['config', '--config', '/nonexistent/transwire.yaml']);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr.trimEnd().split('\n')).toEqual(['transwire: config /nonexistent/transwire.yaml: file not found: /nonexistent/transwire.yaml']);
    const debug = await runCli(['config', '--config', '/nonexistent/transwire.yaml', '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
