import { OcrInputError } from '@sohoa/ocr';
import { describe, expect, it } from 'vitest';
import { DigitiseError } from '../errors.js';
import { parseRedisUrl } from './connection.js';
import { checkDocumentJob, checkPageJob, documentJobId, isPermanentFailure, queueNames } from './jobs.js';
import { describeFailure } from './worker.js';

describe('parseRedisUrl', () => {
  it('takes redis:// and rediss:// URLs and names them without their password', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6379').display).toBe('redis://127.0.0.1:6379');
    expect(parseRedisUrl('rediss://archive:s3cret@redis.example.vn:6380/2').display).toBe(
      'rediss://redis.example.vn:6380/2',
    );
  });

  it('refuses what is not a Redis URL, saying what was expected', () => {
    for (const url of ['localhost:6379', 'http://localhost:6379', 'redis://', '6379', 'redis://host/queue']) {
      expect(() => parseRedisUrl(url), url).toThrow(expect.objectContaining({ code: 'bad-url' }));
    }
  });
});

describe('job ids', () => {
  const data = {
    file: '/mnt/kho/2024/kh-36.pdf',
    dir: '/mnt/out/2024/kh-36',
    formats: ['json' as const],
    settings: {},
  };
  const file = { size: 52_000, mtimeMs: 1_700_000_000_000 };

  it('are the same for the same file, outputs and settings: enqueueing twice adds nothing', () => {
    expect(documentJobId(data, file)).toBe(documentJobId({ ...data }, { ...file }));
    expect(documentJobId(data, file)).toMatch(/^d[0-9a-f]{24}$/);
  });

  it('differ when the file changed, or the outputs or settings did', () => {
    const id = documentJobId(data, file);
    expect(documentJobId(data, { ...file, mtimeMs: file.mtimeMs + 1 })).not.toBe(id);
    expect(documentJobId(data, { ...file, size: 1 })).not.toBe(id);
    expect(documentJobId({ ...data, dir: '/mnt/out2/kh-36' }, file)).not.toBe(id);
    expect(documentJobId({ ...data, formats: ['json', 'pdf'] }, file)).not.toBe(id);
    expect(documentJobId({ ...data, settings: { model: 'fast' } }, file)).not.toBe(id);
  });
});

describe('queueNames', () => {
  it('names the queues of a collection and refuses what BullMQ cannot key', () => {
    expect(queueNames()).toEqual({
      documents: 'sohoa-documents',
      pages: 'sohoa-pages',
      stats: 'bull:sohoa:sohoa',
    });
    expect(queueNames('so-noi-vu').pages).toBe('so-noi-vu-pages');
    expect(() => queueNames('a:b')).toThrow(TypeError);
    expect(() => queueNames('')).toThrow(TypeError);
  });
});

describe('job data from Redis', () => {
  const good = {
    file: '/in/a.pdf',
    source: 'a.pdf',
    dir: '/out/a',
    base: 'a',
    formats: ['json', 'md'],
    pages: 2,
    collection: 'c',
    settings: {},
  };

  it('is taken when it is what enqueue writes', () => {
    expect(checkDocumentJob(good)).toEqual(good);
    expect(
      checkPageJob({ file: '/in/a.pdf', source: 'a.pdf', page: 1, collection: 'c', model: 'fast' }),
    ).toMatchObject({
      page: 1,
    });
  });

  it('is refused as malformed, permanently, when it is not', () => {
    for (const bad of [
      undefined,
      {},
      { ...good, formats: ['exe'] },
      { ...good, pages: -1 },
      { ...good, file: 3 },
    ]) {
      let error: unknown;
      try {
        checkDocumentJob(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TypeError);
      expect(isPermanentFailure(error)).toBe(true);
    }
    expect(() => checkPageJob({ file: '/a', source: 'a', page: 0, collection: 'c' })).toThrow(
      /malformed page job/,
    );
    expect(() =>
      checkPageJob({ file: '/a', source: 'a', page: 1, collection: 'c', model: 'huge' }),
    ).toThrow();
  });
});

describe('isPermanentFailure', () => {
  it('is true for faults of the file itself, which another attempt would meet again', () => {
    for (const code of [
      'corrupt',
      'encrypted-pdf',
      'too-large',
      'unsupported-format',
      'empty-file',
    ] as const) {
      expect(isPermanentFailure(new OcrInputError(code, 'a.pdf', 'x')), code).toBe(true);
    }
    expect(isPermanentFailure(new DigitiseError('not-text', 'a.txt', 'x'))).toBe(true);
  });

  it('is false for what may pass on another try or machine: storage, time, crashes', () => {
    for (const code of [
      'not-found',
      'unreadable',
      'timeout',
      'out-of-memory',
      'decoder-crashed',
      'engine-failed',
    ] as const) {
      expect(isPermanentFailure(new OcrInputError(code, 'a.pdf', 'x')), code).toBe(false);
    }
    expect(isPermanentFailure(new Error('Unexpected exit code: null signal: SIGKILL'))).toBe(false);
  });
});

describe('describeFailure', () => {
  it("says BullMQ's failed-child reason as the page that failed", () => {
    expect(describeFailure('child bull:sohoa-pages:d0123456789abcdef01234567-p12 failed')).toBe(
      'page 12 failed',
    );
    expect(describeFailure('the PNG is truncated')).toBe('the PNG is truncated');
  });
});
