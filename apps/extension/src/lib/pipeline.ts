import type { DigitisedDocument, ExportFormat } from '@sohoa/export';
import type { OcrPage } from '@sohoa/model';
import * as Comlink from 'comlink';
import { extensionUrl } from './extension-url';
import type { PipelineApi, PipelineProgress } from './pipeline-worker';
import PipelineWorker from './pipeline-worker?worker';

export type { PipelineProgress } from './pipeline-worker';

/*
 * The pipeline of the viewer: one worker (see pipeline-worker.ts) for the page's life, so one OCR
 * pool and one language model whatever the number of documents opened. A worker that dies (out of
 * memory, a module that fails to load) fails the calls in progress instead of leaving them pending:
 * Comlink alone would wait forever.
 */

export interface Pipeline {
  digitise(
    source: string,
    bytes: Uint8Array,
    knownPages: OcrPage[],
    onProgress: (p: PipelineProgress) => void,
  ): Promise<DigitisedDocument>;
  render(doc: DigitisedDocument, format: ExportFormat, original: Uint8Array): Promise<string | Uint8Array>;
}

let pipeline: Pipeline | undefined;

export function startPipeline(): Pipeline {
  if (pipeline) return pipeline;
  const worker = new PipelineWorker();
  const remote = Comlink.wrap<PipelineApi>(worker);
  let rejectAll: (error: Error) => void = () => {};
  const died = new Promise<never>((_, reject) => {
    rejectAll = reject;
  });
  died.catch(() => {});
  const fail = (message: string) => {
    pipeline = undefined; // the next call starts a new worker
    worker.terminate();
    rejectAll(new Error(message));
  };
  worker.addEventListener('error', (e) => fail(`the reading worker stopped: ${e.message || 'error'}`));
  worker.addEventListener('messageerror', () => fail('the reading worker sent an unreadable message'));
  const guard = <T>(call: Promise<T>) => Promise.race([call, died]);
  void guard(remote.init(extensionUrl('/assets/'))).catch(() => {});
  pipeline = {
    digitise: (source, bytes, knownPages, onProgress) =>
      guard(remote.digitise(source, bytes, knownPages, Comlink.proxy(onProgress))),
    render: (doc, format, original) =>
      guard<string | Uint8Array>(remote.render(doc, format, original) as Promise<string | Uint8Array>),
  };
  return pipeline;
}
