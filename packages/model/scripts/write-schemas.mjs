// Writes the JSON Schemas of the model next to the built code, so they ship with the package
// (`@sohoa/model/plan.schema.json`) for tools that do not run JavaScript.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { OcrDocument, planJsonSchema } from '../dist/index.js';

const dist = new URL('../dist/', import.meta.url);
writeFileSync(new URL('plan.schema.json', dist), `${JSON.stringify(planJsonSchema(), null, 2)}\n`);
writeFileSync(
  new URL('ocr-document.schema.json', dist),
  `${JSON.stringify(z.toJSONSchema(OcrDocument, { io: 'input' }), null, 2)}\n`,
);
