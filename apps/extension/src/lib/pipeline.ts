import * as Comlink from 'comlink';
import { extensionUrl } from './extension-url';
import type { PipelineApi } from './pipeline-worker';
import PipelineWorker from './pipeline-worker?worker';

export type { PipelineProgress } from './pipeline-worker';

/*
 * The pipeline of the viewer: one worker (see pipeline-worker.ts) for the page's life, so one OCR
 * pool and one language model whatever the number of documents opened.
 */

let pipeline: Comlink.Remote<PipelineApi> | undefined;

export function startPipeline(): Comlink.Remote<PipelineApi> {
  if (!pipeline) {
    pipeline = Comlink.wrap<PipelineApi>(new PipelineWorker());
    void pipeline.init(extensionUrl('/assets/'));
  }
  return pipeline;
}

export { Comlink };
