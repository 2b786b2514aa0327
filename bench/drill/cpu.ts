/** CPU time from /proc: where the seconds went (workers' Node vs Apertium's pipelines) and how busy the machine was. */
import { readFileSync } from 'node:fs';

const TICK = 100; // USER_HZ on Linux

/**
 * CPU seconds (user + system) of a process, or of its children that have ended and been waited
 * for (`children`: a pipeline's stages); 0 when the process is gone.
 */
export function processCpuSeconds(pid: number | 'self', of: 'own' | 'children' = 'own'): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14–15 (utime, stime) and 16–17 (cutime, cstime) of proc(5), counted from field 3 here.
    const at = of === 'own' ? 11 : 13;
    return (Number(f[at]) + Number(f[at + 1])) / TICK;
  } catch {
    return 0;
  }
}

/** Busy and total jiffies of the whole machine. */
export function machineCpu(): { busy: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3]! + (f[4] ?? 0);
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}
