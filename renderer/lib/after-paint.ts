/**
 * Runs `fn` once the next frame has been painted; returns a cancel. Secondary requests (explanation
 * counts, the heatmap) start here so that the engine's work on them does not compete, on a small
 * machine, with drawing what the analyst just asked for.
 */
export function afterPaint(fn: () => void): () => void {
  let cancelled = false;
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => !cancelled && fn();
    channel.port2.postMessage(null);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}

/**
 * Runs `fn` once the frame has been painted and the page has nothing else to do (at most `within` ms
 * later): charts are drawn after the grid beside them has drawn its rows, which AG Grid does in tasks
 * of its own after the first paint.
 */
export function whenIdle(fn: () => void, within = 300): () => void {
  let idle: number | null = null;
  const cancelPaint = afterPaint(() => {
    idle = requestIdleCallback(fn, { timeout: within });
  });
  return () => {
    cancelPaint();
    if (idle !== null) cancelIdleCallback(idle);
  };
}

/** Runs `fn` once nothing has changed for `quiet` ms and the page is idle; returns a cancel. */
export function afterQuiet(fn: () => void, quiet: number): () => void {
  let cancelIdle = () => undefined as void;
  const timer = setTimeout(() => (cancelIdle = whenIdle(fn, 1_000)), quiet);
  return () => {
    clearTimeout(timer);
    cancelIdle();
  };
}
