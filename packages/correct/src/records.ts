/**
 * The corrections of a long text, kept compact while it is corrected: positions, confidence,
 * reason and whether applied in typed arrays, the strings in plain arrays, alternatives only where
 * there are any. A `Correction` object and its copy of the original cost three times as much, and
 * a 30 MB text has hundreds of thousands of them: they are built once, when the result is.
 */

import type { Correction, CorrectionAlternative, CorrectionReason } from '@sohoa/model';
import { pointAt } from './positions.js';

class Column<T extends Int32Array | Float64Array | Uint8Array> {
  data: T;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[i] = v;
  }
}

export interface RecordInput {
  start: number;
  end: number;
  outputStart: number;
  outputEnd: number;
  replacement: string;
  confidence: number;
  reason: CorrectionReason;
  applied: boolean;
  alternatives: CorrectionAlternative[];
  note: string;
}

export class RecordStore {
  private count = 0;
  private readonly starts = new Column((n) => new Int32Array(n));
  private readonly ends = new Column((n) => new Int32Array(n));
  private readonly outStarts = new Column((n) => new Int32Array(n));
  private readonly outEnds = new Column((n) => new Int32Array(n));
  private readonly confidences = new Column((n) => new Float64Array(n));
  private readonly reasons = new Column((n) => new Uint8Array(n));
  private readonly applied = new Column((n) => new Uint8Array(n));
  private readonly replacements: string[] = [];
  private readonly notes: string[] = [];
  private readonly alternatives = new Map<number, CorrectionAlternative[]>();
  private readonly reasonNames: CorrectionReason[] = [];

  get size(): number {
    return this.count;
  }

  push(r: RecordInput): void {
    const i = this.count++;
    this.starts.set(i, r.start);
    this.ends.set(i, r.end);
    this.outStarts.set(i, r.outputStart);
    this.outEnds.set(i, r.outputEnd);
    this.confidences.set(i, r.confidence);
    let reason = this.reasonNames.indexOf(r.reason);
    if (reason < 0) reason = this.reasonNames.push(r.reason) - 1;
    this.reasons.set(i, reason);
    this.applied.set(i, r.applied ? 1 : 0);
    this.replacements.push(r.replacement);
    // A note is built by concatenation, a tree of string pieces three times its size: it is kept
    // as one flat copy.
    this.notes.push(r.note.normalize('NFC'));
    if (r.alternatives.length > 0) this.alternatives.set(i, r.alternatives);
  }

  /** The output: `text` with the applied replacements. */
  output(text: string): string {
    const parts: string[] = [];
    let at = 0;
    for (let i = 0; i < this.count; i++) {
      if (this.applied.data[i] !== 1) continue;
      parts.push(text.slice(at, this.starts.data[i]), this.replacements[i]!);
      at = this.ends.data[i]!;
    }
    parts.push(text.slice(at));
    return parts.join('');
  }

  /** The records, with line and column in `text` (whose line starts are `lineStarts`). */
  corrections(text: string, lineStarts: number[]): Correction[] {
    const out: Correction[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const start = this.starts.data[i]!;
      const end = this.ends.data[i]!;
      const { line, column } = pointAt(lineStarts, start);
      out[i] = {
        start,
        end,
        line,
        column,
        outputStart: this.outStarts.data[i]!,
        outputEnd: this.outEnds.data[i]!,
        original: text.slice(start, end),
        replacement: this.replacements[i]!,
        confidence: this.confidences.data[i]!,
        reason: this.reasonNames[this.reasons.data[i]!]!,
        applied: this.applied.data[i] === 1,
        alternatives: this.alternatives.get(i) ?? [],
        note: this.notes[i]!,
      };
    }
    return out;
  }
}
