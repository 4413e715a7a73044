import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { correctedLayout } from '../geometry/index.js';
import {
  digitised,
  fix,
  GEOMETRY_FIXTURES,
  loadDigitised,
  ocrDocument,
  page,
  w,
} from '../geometry/test-documents.js';
import { toAlto } from './alto.js';

// The ALTO 4.4 schema and a local XLink schema live beside the checkout (../shared/schemas), so that the
// validation needs no network.
const SCHEMA = fileURLToPath(new URL('../../../../../shared/schemas/alto-4-4.xsd', import.meta.url));
const hasXmllint = !spawnSync('xmllint', ['--version']).error;
const canValidate = hasXmllint && existsSync(SCHEMA);
// CI installs xmllint and has ../shared beside the clone: there the check must run, not be skipped.
if (process.env.CI && !canValidate)
  throw new Error(`CI: ALTO validation unavailable (xmllint ${hasXmllint}, schema ${SCHEMA})`);
if (!canValidate) {
  console.warn(
    hasXmllint
      ? `ALTO schema not found at ${SCHEMA}: the schema validation is skipped`
      : 'xmllint is not on PATH (Debian: libxml2-utils): the ALTO schema validation is skipped',
  );
}

/** xmllint's verdict against the ALTO schema: '' when valid, its complaints otherwise. */
function validate(xml: string): string {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, '-'], {
    input: xml,
    encoding: 'utf8',
  });
  return run.status === 0 ? '' : run.stderr || `exit ${run.status}`;
}

/** XML's escapes undone in one pass (so `&#x26;amp;` stays `&amp;`): named entities and character references. */
const NAMED: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
const unescapeXml = (v: string) =>
  v.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|quot|apos|amp));/gi,
    (_, hex?: string, dec?: string, name?: string) =>
      hex
        ? String.fromCodePoint(Number.parseInt(hex, 16))
        : dec
          ? String.fromCodePoint(Number(dec))
          : NAMED[name!]!,
  );

/** The attributes of every `<name …>` start tag, in order (attribute values in double quotes, as we write them). */
function tags(xml: string, name: string): Record<string, string>[] {
  const attribute = / ([A-Za-z_:]+)="([^"]*)"/g;
  return [...xml.matchAll(new RegExp(`<${name}((?: [A-Za-z_:]+="[^"]*")*)\\s*/?>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(attribute)].map((a) => [a[1]!, unescapeXml(a[2]!)])),
  );
}

describe('toAlto', () => {
  it.each(GEOMETRY_FIXTURES)(
    '%s: valid ALTO 4.4 whose Strings are the corrected words, boxes and all',
    (name) => {
      const doc = loadDigitised(name);
      const alto = toAlto(doc);
      const words = correctedLayout(doc).pages.flatMap((p) =>
        p.blocks.flatMap((b) => b.lines.flatMap((l) => l.words)),
      );
      const strings = tags(alto, 'String');
      expect(strings.map((s) => s.CONTENT)).toEqual(words.map((x) => x.text));
      strings.forEach((s, k) => {
        const { bbox, confidence } = words[k]!;
        expect(Number(s.HPOS)).toBeCloseTo(bbox.x0, 1);
        expect(Number(s.VPOS)).toBeCloseTo(bbox.y0, 1);
        expect(Number(s.WIDTH)).toBeCloseTo(bbox.x1 - bbox.x0, 1);
        expect(Number(s.HEIGHT)).toBeCloseTo(bbox.y1 - bbox.y0, 1);
        // WC has two decimals: within half a hundredth.
        expect(Math.abs(Number(s.WC) - confidence / 100)).toBeLessThanOrEqual(0.00501);
      });
      expect(tags(alto, 'Page').map((p) => [p.PHYSICAL_IMG_NR, p.WIDTH, p.HEIGHT])).toEqual(
        doc.ocr!.pages.map((p) => [
          String(p.number),
          String(Math.round(p.width * 100) / 100),
          String(Math.round(p.height * 100) / 100),
        ]),
      );
      expect(alto).toContain('<MeasurementUnit>pixel</MeasurementUnit>');
      expect(alto).toContain(`<fileName>${doc.source}</fileName>`);
      expect(alto).toContain('<softwareName>sohoa</softwareName>');
      if (canValidate) expect(validate(alto)).toBe('');
    },
  );

  it('records what the OCR read as the ALTERNATIVE of a corrected word, and spaces words with SP', () => {
    const ocr = ocrDocument([page(1, [[w('phát', 0, 60), w('tri', 70, 110), w('en', 115, 150)]])]);
    const alto = toAlto(digitised(ocr, [fix(ocr.text, 'tri en', 'triển')]));
    expect(alto).toContain(
      '<String ID="p1_w1" CONTENT="phát" HPOS="0" VPOS="100" WIDTH="60" HEIGHT="20" WC="0.9"/>' +
        '<SP HPOS="60" VPOS="100" WIDTH="10"/>' +
        '<String ID="p1_w2" CONTENT="triển" HPOS="70" VPOS="100" WIDTH="80" HEIGHT="20" WC="0.8">' +
        '<ALTERNATIVE PURPOSE="ocr">tri en</ALTERNATIVE></String>',
    );
    if (canValidate) expect(validate(alto)).toBe('');
  });

  it('escapes markup and drops characters XML forbids, and stays valid', () => {
    const ocr = ocrDocument([page(1, [[w('<b>&amp;"', 0, 60), w('x\u0007]]>', 70, 110)]])]);
    ocr.source = 'a <b> & "c" ]]>.png';
    const alto = toAlto(digitised(ocr, [fix(ocr.text, 'x\u0007]]>', 'y<')]));
    expect(tags(alto, 'String').map((s) => s.CONTENT)).toEqual(['<b>&amp;"', 'y<']);
    expect(alto).toContain('<ALTERNATIVE PURPOSE="ocr">x\uFFFD]]&gt;</ALTERNATIVE>');
    expect(alto).not.toContain(']]>');
    if (canValidate) expect(validate(alto)).toBe('');
  });

  it('is refused by the schema check when it is not ALTO (the check can fail)', () => {
    if (!canValidate) return;
    const ocr = ocrDocument([page(1, [[w('a', 0, 10)]])]);
    const broken = toAlto(digitised(ocr, [])).replace('PHYSICAL_IMG_NR="1"', '');
    expect(validate(broken)).toMatch(/PHYSICAL_IMG_NR/);
  });
});
