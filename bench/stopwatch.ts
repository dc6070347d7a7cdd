/** Timings and peak memory for the bench scripts, printed as they happen and saved as JSON. */
import fs from 'node:fs';
import path from 'node:path';

export class Stopwatch {
  private readonly results: [string, number][] = [];
  private peak = 0;
  private readonly peaks: number[] = [];
  private readonly timer = setInterval(() => (this.peak = Math.max(this.peak, process.memoryUsage().rss)), 50);

  async time<T>(label: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const value = await work();
    const ms = performance.now() - started;
    this.results.push([label, ms]);
    console.log(`${label.padEnd(70)} ${ms < 1000 ? `${ms.toFixed(0).padStart(6)} ms` : `${(ms / 1000).toFixed(2).padStart(7)} s`}`);
    return value;
  }

  /** Starts a new peak-memory window (e.g. after the baselines). */
  resetPeak(): void {
    this.peaks.push(this.peak);
    this.peak = process.memoryUsage().rss;
  }

  report(file: string, extra: Record<string, unknown>): void {
    clearInterval(this.timer);
    this.peaks.push(this.peak);
    const mb = this.peaks.map((p) => Math.round(p / 2 ** 20));
    console.log(`peak RSS by phase: ${mb.map((m) => `${m} MB`).join(', ')}`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const results = Object.fromEntries(this.results.map(([k, v]) => [k, Math.round(v)]));
    fs.writeFileSync(file, `${JSON.stringify({ ...extra, date: new Date().toISOString(), peakRssMb: mb, results }, null, 2)}\n`);
  }
}

/** "median (min–max)" of figures in ms; of an even count, the lower of the middle two. */
export function medianAndRange(ms: readonly number[]): string {
  if (!ms.length) return '–';
  const sorted = [...ms].sort((a, b) => a - b);
  return `${sorted[Math.floor((sorted.length - 1) / 2)].toFixed(0)} (${sorted[0].toFixed(0)}–${sorted[sorted.length - 1].toFixed(0)})`;
}
