export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): boolean;
}

/**
 * A one-line progress bar (pages done, files done, ETA) redrawn in place on a terminal,
 * and silent when the stream is piped or redirected, so logs stay clean.
 */
export class ProgressBar {
  readonly #stream: ProgressStream;
  readonly #enabled: boolean;
  readonly #start = Date.now();
  #pagesTotal = 0;
  #pagesDone = 0;
  #filesTotal: number;
  #filesDone = 0;
  #lastDraw = 0;

  constructor(stream: ProgressStream, files: number, enabled = Boolean(stream.isTTY)) {
    this.#stream = stream;
    this.#filesTotal = files;
    this.#enabled = enabled;
  }

  addPages(n: number): void {
    this.#pagesTotal += n;
    this.#draw();
  }

  pageDone(): void {
    this.#pagesDone++;
    this.#draw();
  }

  fileDone(): void {
    this.#filesDone++;
    this.#draw(true);
  }

  /** Print a message on its own line without breaking the bar. */
  log(line: string): void {
    if (this.#enabled) this.#stream.write('\r\x1b[K');
    this.#stream.write(`${line}\n`);
    this.#draw(true);
  }

  finish(): void {
    if (this.#enabled) this.#stream.write('\r\x1b[K');
  }

  render(now = Date.now()): string {
    const width = 24;
    const total = Math.max(this.#pagesTotal, 1);
    const ratio = Math.min(1, this.#pagesDone / total);
    const filled = Math.round(ratio * width);
    const elapsed = (now - this.#start) / 1000;
    const eta =
      this.#pagesDone > 0 ? (elapsed / this.#pagesDone) * (this.#pagesTotal - this.#pagesDone) : undefined;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    return `${bar} ${this.#pagesDone}/${this.#pagesTotal} pages · ${this.#filesDone}/${this.#filesTotal} files · ETA ${formatSeconds(eta)}`;
  }

  #draw(force = false): void {
    if (!this.#enabled) return;
    const now = Date.now();
    if (!force && now - this.#lastDraw < 100) return;
    this.#lastDraw = now;
    this.#stream.write(`\r\x1b[K${this.render(now)}`);
  }
}

export function formatSeconds(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
