/**
 * A decoder process: opens one document at a time for its parent and hands out prepared
 * pages. Image decoders, pdf.js and the native canvas run here, so a crafted file that
 * crashes or exhausts them takes down this process, not the batch.
 */
import type { PageSource } from './document-reader.js';
import { openDocument } from './document-reader.js';
import { isOcrInputError } from './errors.js';
import { createNodeDecoders } from './node-decoders.js';
import type { SandboxReply, SandboxRequest } from './sandbox-protocol.js';

const decoders = createNodeDecoders();
let current: PageSource | undefined;

function reply(message: SandboxReply): void {
  process.send?.(message);
}

async function handle(request: SandboxRequest): Promise<SandboxReply> {
  switch (request.type) {
    case 'open': {
      await current?.close();
      current = undefined;
      // Structured clone turns the bytes into a Uint8Array of this process.
      current = await openDocument(decoders, request.input, request.options);
      return { id: request.id, ok: true, pageCount: current.pageCount };
    }
    case 'page': {
      if (!current) throw new Error('no document is open');
      return { id: request.id, ok: true, page: await current.page(request.n) };
    }
    case 'close': {
      await current?.close();
      current = undefined;
      return { id: request.id, ok: true };
    }
  }
}

process.on('message', (request: SandboxRequest) => {
  handle(request).then(reply, (error: unknown) => {
    reply({
      id: request.id,
      ok: false,
      error: isOcrInputError(error)
        ? { code: error.code, message: error.message }
        : { code: 'corrupt', message: `cannot be decoded (${(error as Error)?.message ?? String(error)})` },
    });
  });
});
// The parent going away (even killed) closes the channel: leave with it.
process.on('disconnect', () => process.exit(0));
