import { MultiBar, type SingleBar } from 'cli-progress';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): boolean;
}

/**
 * Pages done, files done and an ETA (cli-progress), redrawn in place on a terminal and
 * silent when the stream is piped or redirected, so logs stay clean. Messages printed
 * through `log` appear above the bar, or as plain lines when there is no bar.
 */
export class ProgressBar {
  readonly #stream: ProgressStream;
  readonly #multi: MultiBar | undefined;
  readonly #bar: SingleBar | undefined;
  readonly #filesTotal: number;
  #pagesTotal = 0;
  #filesDone = 0;

  constructor(stream: ProgressStream, files: number, enabled = Boolean(stream.isTTY)) {
    this.#stream = stream;
    this.#filesTotal = files;
    if (!enabled) return;
    this.#multi = new MultiBar({
      stream: stream as unknown as NodeJS.WritableStream,
      format: '{bar} {value}/{total} pages · {files} files{stage} · ETA {eta_formatted}',
      barCompleteChar: '█',
      barIncompleteChar: '░',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
      formatTime: (seconds: number) => formatSeconds(seconds),
      // The bar may be drawn before any page count is known.
      emptyOnZero: true,
    });
    this.#bar = this.#multi.create(0, 0, { files: this.#files(), stage: '' });
  }

  addPages(n: number): void {
    this.#pagesTotal += n;
    this.#bar?.setTotal(this.#pagesTotal);
  }

  pageDone(): void {
    this.#bar?.increment(1, { files: this.#files() });
  }

  fileDone(): void {
    this.#filesDone++;
    this.#bar?.update({ files: this.#files() });
  }

  /** What the batch is doing now ("correcting plan.pdf"), shown in the bar. */
  stage(text: string): void {
    this.#bar?.update({ stage: text ? ` · ${text}` : '' });
  }

  /** Print a message on its own line without breaking the bar. */
  log(line: string): void {
    if (this.#multi) this.#multi.log(`${line}\n`);
    else this.#stream.write(`${line}\n`);
  }

  finish(): void {
    if (!this.#multi) return;
    // Messages wait for the next redraw: draw once more so none is lost, then clear the bar.
    this.#multi.update();
    this.#multi.stop();
  }

  #files(): string {
    return `${this.#filesDone}/${this.#filesTotal}`;
  }
}

export function formatSeconds(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
