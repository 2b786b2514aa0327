import { stringify } from 'yaml';
import { maskSecrets } from '../config/mask-secrets.ts';
import { configFrom, parseCommandArgs } from './args.ts';

export default async function configCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    name: 'config',
    summary: 'Prints the effective configuration (file, then DATABASE_URL/PORT/HOST, then defaults), secrets masked.',
    options: { json: { type: 'boolean', help: 'print JSON instead of YAML' } },
    positionals: { max: 0 },
    notes: ['Every key, its type and default: docs/configuration.md'],
  });
  const masked = maskSecrets(configFrom(values));
  process.stdout.write(values.json ? `${JSON.stringify(masked, null, 2)}\n` : stringify(masked));
  return 0;
}
