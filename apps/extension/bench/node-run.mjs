// One cold run of the Node pipeline on a file, as the CLI does it (sohoa/node's digitiser), printing
// "first" when the first page's text has been corrected and "done" when the document is digitised.
// The parent (extension-bench.mjs) timestamps the lines as they arrive.
import { correct } from '@sohoa/correct';
import { loadBundledLm } from '@sohoa/correct/node';
import { createDigitiser } from 'sohoa/node';

const file = process.argv[2];
const digitiser = await createDigitiser();
const lm = await loadBundledLm();
let first = false;
const result = await digitiser.digitiseFile(file, {
  onProgress: (p) => {
    if (!first && p.stage === 'ocr' && p.ocrPage) {
      correct(p.ocrPage.text, { lm, toneStyle: 'keep' });
      first = true;
      console.log('first');
    }
  },
});
console.log(`done ${result.plan.tasks.length}`);
await digitiser.close();
