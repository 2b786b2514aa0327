import { runRoles } from './run.ts';

export default function worker(argv: string[]): Promise<number> {
  return runRoles(argv, ['scheduler', 'worker'], 'worker');
}
