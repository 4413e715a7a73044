import { describe, expect, it } from 'vitest';
import { hocrGroups, wordChoices } from './hocr-choices.js';

// The shape of tesseract 5's hOCR with lstm_choice_mode 2 (a word of two characters, opened by a
// space group as tesseract writes it).
const HOCR = `<div class='ocr_page'><span class='ocr_line' title="bbox 1 2 3 4">
 <span class='ocrx_word' id='word_1_1' title='bbox 10 20 60 40; x_wconf 46'>TÍNH
  <span class='ocrx_cinfo' id='lstm_choices_1_1_1'><span class='ocrx_cinfo' id='choice_1_1_1' title='x_confs 96.1'> </span></span>
  <span class='ocrx_cinfo' id='lstm_choices_1_1_2'><span class='ocrx_cinfo' id='choice_1_1_2' title='x_confs 95'>T</span></span>
  <span class='ocrx_cinfo' id='lstm_choices_1_1_3'>
   <span class='ocrx_cinfo' id='choice_1_1_3' title='x_confs 84.6'>Ỉ</span>
   <span class='ocrx_cinfo' id='choice_1_1_4' title='x_confs 75.6'>Í</span>
   <span class='ocrx_cinfo' id='choice_1_1_5' title='x_confs 0'>Ỷ</span></span>
  <span class='ocrx_cinfo' id='lstm_choices_1_1_4'><span class='ocrx_cinfo' id='choice_1_1_6' title='x_confs 97'>N</span></span>
  <span class='ocrx_cinfo' id='lstm_choices_1_1_5'><span class='ocrx_cinfo' id='choice_1_1_7' title='x_confs 97'>H</span></span>
 </span>
 <span class='ocrx_word' id='word_1_2' title='bbox 70 20 90 40; x_wconf 90'>&amp;
  <span class='ocrx_cinfo' id='lstm_choices_1_2_1'><span class='ocrx_cinfo' id='choice_1_2_1' title='x_confs 90'>&amp;</span></span>
 </span>
</span></div>`;

describe('hOCR alternatives', () => {
  it('reads each word’s character groups by its bbox', () => {
    const groups = hocrGroups(HOCR);
    expect([...groups.keys()]).toEqual(['10 20 60 40', '70 20 90 40']);
    const word = groups.get('10 20 60 40')!;
    expect(word).toHaveLength(5);
    expect(word[2]!.map((c) => c.text)).toEqual(['Ỉ', 'Í', 'Ỷ']);
    expect(groups.get('70 20 90 40')![0]![0]!.text).toBe('&');
  });

  it('makes whole-word choices of the rivals with real weight, scored against the character read', () => {
    const choices = wordChoices('TÍNH', 46, hocrGroups(HOCR).get('10 20 60 40')!);
    expect(choices).toEqual([{ text: 'TỈNH', confidence: 51.5 }]);
  });

  it('gives none when the groups do not line up with the word', () => {
    expect(wordChoices('TÍN', 46, hocrGroups(HOCR).get('10 20 60 40')!)).toEqual([]);
  });
});
