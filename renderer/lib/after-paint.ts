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
