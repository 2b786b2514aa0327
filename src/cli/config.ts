import { stringify } from 'yaml';
import { maskSecrets } from '../config/mask-secrets.ts';
import { configFrom, parseCommandArgs } from './args.ts';

export default async function configCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { json: { type: 'boolean' } });
  const masked = maskSecrets(configFrom(values));
  process.stdout.write(values.json ? `${JSON.stringify(masked, null, 2)}\n` : stringify(masked));
  return 0;
}
