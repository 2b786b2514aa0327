import { runRoles } from './run.ts';

export default function web(argv: string[]): Promise<number> {
  return runRoles(argv, ['web'], 'web');
}
