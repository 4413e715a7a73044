// Writes the JSON Schema of the JSON export next to the built code, so it ships with the package
// (`@sohoa/export/document.schema.json`) for tools that do not run JavaScript.
import { writeFileSync } from 'node:fs';
import { documentJsonSchema } from '../dist/index.js';

writeFileSync(
  new URL('../dist/document.schema.json', import.meta.url),
  `${JSON.stringify(documentJsonSchema(), null, 2)}\n`,
);
