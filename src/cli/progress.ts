// A one-line progress bar on stderr when it is a terminal; silent otherwise.
export class ProgressBar {
  private readonly started = performance.now();
  private last = 0;
  readonly enabled: boolean;

  constructor(private readonly label: string, stream: NodeJS.WriteStream = process.stderr) {
    this.enabled = Boolean(stream.isTTY) && !process.env.CI;
    this.stream = stream;
  }
  private readonly stream: NodeJS.WriteStream;

  update(done: number, total: number | null): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.last < 100 && done !== total) return;
    this.last = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const width = 28;
    const frac = total ? Math.min(1, done / total) : 0;
    const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
    const eta = total && rate > 0 ? formatSeconds((total - done) / rate) : '?';
    this.stream.write(`\r${this.label} ${bar} ${done}/${total ?? '?'}  ${rate.toFixed(1)} docs/s  ETA ${eta}   `);
  }

  finish(): void {
    if (this.enabled) this.stream.write('\n');
  }
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}
