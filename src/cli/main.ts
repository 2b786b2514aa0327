import { closest } from '../domain/closest.ts';
import { packageVersion, RUNNING_COMPILED } from './package-version.ts';
import { reportError } from './report-error.ts';
import { HelpRequest, setCurrentCommand, UsageError } from './args.ts';

type Command = (argv: string[]) => Promise<number>;

/**
 * One file per command, loaded on demand so `transwire web` never loads the translation stack.
 * To add a command: one line here, and a file whose default export takes the argv after its name
 * (parse it with parseCommandArgs from args.ts, so --help and mistakes behave like the others).
 */
const COMMANDS: Record<string, { load: () => Promise<{ default: Command }>; help: string }> = {
  run: { load: () => import('./run.ts'), help: 'scheduler, workers and web server in one process' },
  web: { load: () => import('./web.ts'), help: 'only the web server (scale-out)' },
  worker: { load: () => import('./worker.ts'), help: 'only the scheduler and workers (scale-out)' },
  demo: { load: () => import('./demo.ts'), help: 'sample newsroom → translation → live site on 127.0.0.1' },
  migrate: { load: () => import('./migrate.ts'), help: 'apply database migrations' },
  backup: { load: () => import('./backup.ts'), help: 'backup <file>: the database and the media folder in one .tar.gz' },
  restore: { load: () => import('./restore.ts'), help: 'restore <file>: a backup into an empty database and media folder' },
  config: { load: () => import('./config.ts'), help: 'print the effective config, secrets masked' },
  source: { load: () => import('./source.ts'), help: 'source add|list|show|remove|import|export' },
  preview: { load: () => import('./preview.ts'), help: 'preview <url> [--to LANG] [--json]: fetch, extract, translate one page' },
  review: { load: () => import('./review.ts'), help: 'review list|approve|retranslate <id>: the held translations' },
  takedown: { load: () => import('./takedown-command.ts'), help: 'takedown <path|id> [--reason TEXT]: answer 410 and unpublish' },
  extract: { load: () => import('./extract.ts'), help: 'extract <file.html>… [--url URL] --json' },
  'parse-feed': { load: () => import('./parse-feed.ts'), help: 'parse-feed <file|url>… --json' },
  check: { load: () => import('./check.ts'), help: 'check --from en --to es <source.html> <translation.html> --json' },
  translate: { load: () => import('./translate.ts'), help: 'translate --from en --to es [file] [--json]' },
  cluster: { load: () => import('./cluster.ts'), help: 'cluster <articles.jsonl> --json: place each article in a story (near-duplicates, cross-lingual)' },
  story: { load: () => import('./story.ts'), help: 'story lead <storyId> <articleId> | spend <storyId> | split <storyId> <articleId...> | merge <keep> <gone>: pick the translated lead, engine spend, split or merge stories' },
  user: { load: () => import('./user.ts'), help: 'user add <email> --role admin|editor|viewer | list | remove | reset: console accounts' },
  token: { load: () => import('./token.ts'), help: 'token add <name> --role … [--scopes …] | list | revoke: API tokens for /api/v1/' },
};

/** Global options that take a value, so the value is not mistaken for the command. */
const VALUED_GLOBALS = new Set(['--config', '--log-format']);
const GLOBAL_FLAGS = new Set(['--debug', '--config', '--log-format']);

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.help}`);
  return (
    `usage: transwire [--config PATH] [--log-format pretty|json] [--debug] <command> [options]\n\ncommands:\n${lines.join('\n')}\n\n` +
    `transwire <command> --help describes a command; transwire --version prints the version.\n`
  );
}

function version(): string {
  return `transwire ${packageVersion()} (${RUNNING_COMPILED ? 'compiled, dist/' : 'TypeScript sources via tsx'}; node ${process.versions.node})\n`;
}

/** The command's index in argv: the first word that is neither an option nor a global option's value. */
function commandIndex(argv: string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return -1;
    if (!a.startsWith('-')) return i;
    if (VALUED_GLOBALS.has(a)) i++;
  }
  return -1;
}

async function main(argv: string[]): Promise<number> {
  const at = commandIndex(argv);
  const before = at < 0 ? argv : argv.slice(0, at);
  if (before.includes('--version') || before.includes('-V')) {
    process.stdout.write(version());
    return 0;
  }
  if (before.includes('--help') || before.includes('-h') || argv[at] === 'help') {
    const topic = argv[at] === 'help' ? argv[at + 1] : undefined;
    if (topic && COMMANDS[topic]) return dispatch(topic, ['--help']);
    process.stdout.write(usage());
    return 0;
  }
  const stray = before.find((a, i) => a.startsWith('-') && !GLOBAL_FLAGS.has(a.split('=')[0]!) && !VALUED_GLOBALS.has(before[i - 1] ?? ''));
  if (stray) throw new UsageError('transwire', `unknown option ${stray} before the command`);
  if (at < 0) {
    process.stderr.write(usage());
    return 2;
  }
  const name = argv[at]!;
  if (!COMMANDS[name]) {
    const near = closest(name, Object.keys(COMMANDS));
    throw new UsageError('transwire', `unknown command "${name}"${near ? ` (did you mean "${near}"?)` : ''}`);
  }
  return dispatch(name, [...argv.slice(0, at), ...argv.slice(at + 1)]);
}

async function dispatch(name: string, rest: string[]): Promise<number> {
  setCurrentCommand(name);
  return (await COMMANDS[name]!.load()).default(rest);
}

const argv = process.argv.slice(2);
try {
  process.exitCode = await main(argv);
} catch (err) {
  if (err instanceof HelpRequest) {
    process.stdout.write(err.text);
    process.exitCode = 0;
  } else {
    // A failure exits now: a scheduler or worker left running without the web server would keep
    // the process alive, and a supervisor would never see it fail.
    process.exit(reportError(err, { debug: argv.includes('--debug') }));
  }
}
