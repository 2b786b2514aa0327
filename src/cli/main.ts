import { ConfigError } from '../config/load-config.ts';
import { TranswireError } from '../domain/errors.ts';

type Command = (argv: string[]) => Promise<number>;

/** One file per command, loaded on demand so `transwire web` never loads the translation stack. */
const COMMANDS: Record<string, { load: () => Promise<{ default: Command }>; help: string }> = {
  run: { load: () => import('./run.ts'), help: 'scheduler, workers and web server in one process' },
  web: { load: () => import('./web.ts'), help: 'only the web server (scale-out)' },
  worker: { load: () => import('./worker.ts'), help: 'only the scheduler and workers (scale-out)' },
  demo: { load: () => import('./demo.ts'), help: 'sample newsroom → translation → live site on 127.0.0.1' },
  migrate: { load: () => import('./migrate.ts'), help: 'apply database migrations' },
  config: { load: () => import('./config.ts'), help: 'print the effective config, secrets masked' },
  source: { load: () => import('./source.ts'), help: 'source add|list|remove|import|export' },
  preview: { load: () => import('./preview.ts'), help: 'preview <url> [--to LANG] [--json]: fetch, extract, translate one page' },
  review: { load: () => import('./review.ts'), help: 'review list|approve|retranslate <id>: the held translations' },
  takedown: { load: () => import('./takedown-command.ts'), help: 'takedown <path|id> [--reason TEXT]: answer 410 and unpublish' },
  extract: { load: () => import('./extract.ts'), help: 'extract <file.html>… [--url URL] --json' },
  'parse-feed': { load: () => import('./parse-feed.ts'), help: 'parse-feed <file|url>… --json' },
  check: { load: () => import('./check.ts'), help: 'check --from en --to es <source.html> <translation.html> --json' },
  translate: { load: () => import('./translate.ts'), help: 'translate --from en --to es [file] [--json]' },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.help}`);
  return `usage: transwire [--config PATH] <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const name = argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--config');
  if (!name || name === 'help' || argv.includes('--help') && !name) {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`transwire: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const rest = argv.filter((a) => a !== name);
  return (await command.load()).default(rest);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof ConfigError || err instanceof TranswireError) {
    process.stderr.write(`transwire: ${err.message}\n`);
  } else {
    process.stderr.write(`transwire: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exitCode = 1;
}
