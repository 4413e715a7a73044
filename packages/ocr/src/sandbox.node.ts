import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PageSource, PreparedPage, ReaderOptions } from './document-reader.js';
import { OcrInputError } from './errors.js';
import { duration } from './recognizer.js';
import type { SandboxCall, SandboxReply, SandboxRequest } from './sandbox-protocol.js';
import type { InputFormat } from './sniff.js';

export interface SandboxOptions {
  /** Decoder processes at most (one document each at a time). */
  size: number;
  /** Time allowed to open a document or prepare one page. */
  timeoutMs: number;
  /** Resident memory a decoder process may reach before it is killed, in MB. */
  maxMemoryMb: number;
}

export const defaultSandboxOptions: SandboxOptions = { size: 2, timeoutMs: 120_000, maxMemoryMb: 2048 };

/** Where the child's entry is: beside this module in dist/, or dist/ when run from src/ by tests. */
function childScript(): string {
  for (const candidate of ['./sandbox-child.node.js', '../dist/sandbox-child.node.js']) {
    const file = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(file)) return file;
  }
  throw new Error('@sohoa/ocr: sandbox-child.node.js not found (is the package built?)');
}

const WATCH_INTERVAL_MS = 200;

/**
 * Resident set size of a process in MB, from /proc (Linux; in kB there, whatever the page
 * size). Undefined elsewhere: there only the JS heap limit bounds a decoder's memory.
 */
function residentMb(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

interface Pending {
  id: number;
  resolve: (reply: SandboxReply & { ok: true }) => void;
  reject: (error: Error) => void;
  source: string;
  what: string;
}

/** One decoder process, one request at a time, each bounded in time and memory. */
class DecoderProcess {
  readonly #child: ChildProcess;
  readonly #options: SandboxOptions;
  #nextId = 1;
  #pending: Pending | undefined;
  #chain: Promise<unknown> = Promise.resolve();
  #stderr = '';
  /** Why the process is gone, once it is. */
  dead: string | undefined;

  constructor(options: SandboxOptions) {
    this.#options = options;
    this.#child = fork(childScript(), [], {
      serialization: 'advanced',
      // Its stdout would mix with the text a CLI user pipes on; stderr is kept for diagnosis.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      execArgv: [`--max-old-space-size=${Math.max(256, Math.floor(options.maxMemoryMb / 2))}`],
    });
    this.#child.stderr?.setEncoding('utf8');
    this.#child.stderr?.on('data', (chunk: string) => {
      this.#stderr = (this.#stderr + chunk).slice(-4096);
    });
    this.#child.on('message', (reply: SandboxReply) => this.#settle(reply));
    this.#child.on('error', (error) => this.#die(`the decoder process failed (${error.message})`));
    this.#child.on('exit', (code, signal) => {
      const oom = /heap out of memory|Allocation failed/i.test(this.#stderr);
      this.#die(
        oom ? 'out-of-memory' : `the decoder crashed on this file (${signal ?? `exit code ${code}`})`,
      );
    });
    this.#idle();
  }

  request(request: SandboxCall, source: string, what: string): Promise<SandboxReply & { ok: true }> {
    const run = () => this.#send(request, source, what);
    const result = this.#chain.then(run, run);
    this.#chain = result.catch(() => {});
    return result;
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  kill(): void {
    if (!this.dead) this.dead = 'killed';
    this.#child.kill('SIGKILL');
  }

  #send(request: SandboxCall, source: string, what: string): Promise<SandboxReply & { ok: true }> {
    if (this.dead) return Promise.reject(this.#deathError(source, what, this.dead));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        clearInterval(watch);
        this.#pending = undefined;
        this.#idle();
      };
      this.#pending = {
        id,
        source,
        what,
        resolve: (reply) => {
          finish();
          resolve(reply);
        },
        reject: (error) => {
          finish();
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.dead = 'timeout';
        this.#child.kill('SIGKILL');
      }, this.#options.timeoutMs);
      const watch = setInterval(() => {
        const mb = residentMb(this.#child.pid ?? 0);
        if (mb !== undefined && mb > this.#options.maxMemoryMb) {
          this.dead = 'out-of-memory';
          this.#child.kill('SIGKILL');
        }
      }, WATCH_INTERVAL_MS);
      this.#child.ref();
      (this.#child.channel as { ref?: () => void } | undefined)?.ref?.();
      (this.#child.stderr as { ref?: () => void } | null)?.ref?.();
      this.#child.send({ ...request, id } as SandboxRequest);
    });
  }

  /** An idle decoder process must not keep its parent alive: neither it, its channel nor its pipe. */
  #idle(): void {
    this.#child.unref();
    (this.#child.channel as { unref?: () => void } | undefined)?.unref?.();
    (this.#child.stderr as { unref?: () => void } | null)?.unref?.();
  }

  #settle(reply: SandboxReply): void {
    const pending = this.#pending;
    // A late reply to a request already given up on is not this request's answer.
    if (!pending || reply.id !== pending.id) return;
    if (reply.ok) pending.resolve(reply);
    else pending.reject(new OcrInputError(reply.error.code, pending.source, reply.error.message));
  }

  #die(reason: string): void {
    // A reason set by our own kill (timeout, memory) is more precise than the exit signal.
    this.dead = this.dead && this.dead !== 'killed' ? this.dead : reason;
    const pending = this.#pending;
    if (pending) pending.reject(this.#deathError(pending.source, pending.what, this.dead));
  }

  #deathError(source: string, what: string, reason: string): OcrInputError {
    if (reason === 'timeout') {
      return new OcrInputError(
        'timeout',
        source,
        `${what} took longer than ${duration(this.#options.timeoutMs)}; stopped`,
      );
    }
    if (reason === 'out-of-memory') {
      return new OcrInputError(
        'out-of-memory',
        source,
        `${what} needed more than ${this.#options.maxMemoryMb} MB of memory; stopped`,
      );
    }
    return new OcrInputError('decoder-crashed', source, `${reason} while ${what}`);
  }
}

/**
 * A small pool of decoder processes. Each open document holds one process until it is
 * closed; a process that failed in any way is killed and replaced, never reused.
 */
export class DecoderSandbox {
  readonly #options: SandboxOptions;
  readonly #idle: DecoderProcess[] = [];
  readonly #waiting: (() => void)[] = [];
  #count = 0;
  #closed = false;
  /** Decoder processes started over the sandbox's life, for tests and reports. */
  started = 0;

  /** Process ids of the idle decoder processes (diagnostics, tests). */
  get idlePids(): number[] {
    return this.#idle.flatMap((p) => (p.pid === undefined ? [] : [p.pid]));
  }

  constructor(options: Partial<SandboxOptions> = {}) {
    this.#options = { ...defaultSandboxOptions, ...options };
  }

  async open(
    input: { bytes: Uint8Array; source: string; format: InputFormat },
    options: ReaderOptions,
  ): Promise<PageSource> {
    const proc = await this.#acquire();
    const { source } = input;
    let released = false;
    const release = (failed: boolean) => {
      if (released) return;
      released = true;
      this.#release(proc, failed);
    };
    let opened: SandboxReply & { ok: true };
    try {
      opened = await proc.request({ type: 'open', input, options }, source, 'opening the file');
    } catch (error) {
      release(true);
      throw error;
    }
    let failed = false;
    return {
      pageCount: opened.pageCount ?? 0,
      async page(n: number): Promise<PreparedPage> {
        try {
          const reply = await proc.request({ type: 'page', n }, source, `preparing page ${n}`);
          return reply.page!;
        } catch (error) {
          if (!(error instanceof OcrInputError) || proc.dead) failed = true;
          throw error;
        }
      },
      async close(): Promise<void> {
        if (released) return;
        if (!failed && !proc.dead) {
          try {
            await proc.request({ type: 'close' }, source, 'closing the file');
          } catch {
            failed = true;
          }
        }
        release(failed);
      },
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const proc of this.#idle.splice(0)) proc.kill();
    for (const wake of this.#waiting.splice(0)) wake();
  }

  async #acquire(): Promise<DecoderProcess> {
    for (;;) {
      if (this.#closed) throw new Error('the decoder sandbox is closed');
      const idle = this.#idle.pop();
      // One that died while idle (the OOM killer, an operator) is replaced, not handed out.
      if (idle?.dead) {
        this.#count--;
        continue;
      }
      if (idle) return idle;
      if (this.#count < this.#options.size) {
        this.#count++;
        try {
          const proc = new DecoderProcess(this.#options);
          this.started++;
          return proc;
        } catch (error) {
          this.#count--;
          throw error;
        }
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
  }

  #release(proc: DecoderProcess, failed: boolean): void {
    if (failed || proc.dead || this.#closed) {
      proc.kill();
      this.#count--;
    } else {
      this.#idle.push(proc);
    }
    this.#waiting.shift()?.();
  }
}
