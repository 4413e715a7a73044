// The benchmarks' input: an image-only PDF of the fixtures' benchmark scans (fixtures/scans/bench.json),
// cycled to the number of pages asked, written into `dir`. Returns the file and the scans it holds.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { imagePdf } from '../../../fixtures/scripts/make-pdf.mjs';

export const scans = fileURLToPath(new URL('../../../fixtures/scans/', import.meta.url));

/** @param {number} pages @param {string} dir */
export async function benchPdf(pages, dir) {
  const manifest = JSON.parse(readFileSync(path.join(scans, 'bench.json'), 'utf8'));
  const images = Array.from({ length: pages }, (_, i) => manifest.pages[i % manifest.pages.length].image);
  const file = path.join(dir, `bench-${pages}.pdf`);
  writeFileSync(
    file,
    await imagePdf(
      images.map((image) => ({
        bytes: readFileSync(path.join(scans, image)),
        format: image.endsWith('.jpg') ? 'jpeg' : 'png',
      })),
    ),
  );
  return { file, images };
}
