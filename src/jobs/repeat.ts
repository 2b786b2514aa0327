/**
 * Runs `tick` now and then every `everyMs` after the previous run ended (never overlapping).
 * stop() waits for a run in progress, so nothing is cut off on shutdown.
 */
export function repeat(tick: () => Promise<unknown>, everyMs: number): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<unknown> = Promise.resolve();
  const loop = () => {
    if (stopped) return;
    current = tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, everyMs);
    });
  };
  loop();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
