/**
 * What every sandboxed process of a worker (a page's or a document's) sets up first, before
 * BullMQ hands it a job.
 */
export function prepareSandboxedProcess(): void {
  // Killed with SIGKILL, the worker cannot stop this process: the IPC channel closing is the sign.
  // Without this the OCR thread and decoder processes would keep an orphan alive, reading on.
  process.on('disconnect', () => process.exit(0));

  // BullMQ (6.7) marks this process idle only once Node reports its reply sent, and hands the
  // process its next job as soon as the worker has read that reply. On a busy machine the next
  // job can arrive first: it is refused ("cannot start a not idling child process"), or worse,
  // answered with the reply meant for the job before (seen here under load: a document job
  // "completed" with another's result). The reply is queued on the channel in order either way,
  // so it is reported sent at once: the process is idle before it reads its next message. A
  // channel that fails means the worker is gone, which 'disconnect' above handles.
  const send = process.send?.bind(process);
  if (!send) return;
  process.send = ((message: unknown, ...rest: unknown[]) => {
    const callback = [...rest].reverse().find((arg) => typeof arg === 'function') as
      | ((error: Error | null) => void)
      | undefined;
    const args = rest.filter((arg) => typeof arg !== 'function');
    const sent = (send as (...a: unknown[]) => boolean)(message, ...args, () => {});
    if (callback) queueMicrotask(() => callback(null));
    return sent;
  }) as typeof process.send;
}
