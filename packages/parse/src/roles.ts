import { isAttributeLine } from './attributes.js';
import { findSubject } from './bodies.js';
import type { Paragraph } from './lines.js';
import { splitSentences } from './sentences.js';
import { stripBullet } from './text.js';

/*
 * What a paragraph does in a list of duties: it assigns nothing (a label such as "Thời gian: …", a funding
 * provision, a note in parentheses, a slogan), it introduces the items below it (an intro ending in ":"),
 * or it is a task.
 */

const LABEL =
  /^(?:Thời gian|Thời hạn|Địa điểm|Đối tượng|Thành phần|Kết quả|Sản phẩm|Nguyên tắc|Tài liệu|Hình thức|Nội dung|Mục đích|Yêu cầu|Lưu ý|Ghi chú|Phương châm|Khẩu hiệu|Quy mô|Số lượng|Phạm vi|Chủ đề|Đối với|Trường hợp|Trưởng đoàn|Phó trưởng đoàn|Thành viên)(?:\s+[^\s:]+){0,6}\s*:/iu;
/** Headings whose paragraphs state norms rather than assign work ("Quy định về thành phần …"). */
export const NORMATIVE_HEADING = /^(?:Quy định|Nguyên tắc|Tiêu chuẩn|Điều kiện|Yêu cầu)(?![\p{L}\p{N}])/u;
const NO_ACTION =
  /^(?:Kinh phí|Nguồn kinh phí|Dự toán kinh phí|Trên đây)(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))/iu;

/** Paragraphs that assign nothing: labels ("Thời gian: …"), funding provisions, notes, slogans. */
export function assignsNothing(text: string): boolean {
  const t = stripBullet(text);
  // "Đối với Sở Tài chính: bố trí …" names the body it assigns to: no label.
  const label = LABEL.test(t) && !(/^Đối với\s/iu.test(t) && findSubject(t)?.form === 'colon');
  // A slogan or an exclamation ("… muôn năm!") assigns nothing either.
  return label || NO_ACTION.test(t) || /^\(.*\)$/u.test(t) || !/\p{L}/u.test(t) || /!\s*$/u.test(t);
}

/**
 * Intros ending in ":". One that enumerates the parts or means of its own action ("Lập hồ sơ, bao gồm:",
 * "giám sát trực tiếp thông qua:") is a task, the items below are its details. One that announces work
 * ("thực hiện các nhiệm vụ sau đây:", "như sau:") is no task: it gives its body to the items below, which
 * are the tasks.
 */
export const ENUMERATES = /(?:bao gồm|gồm có|gồm|như|là|thông qua)\s*:\s*$/iu;
const ANNOUNCES =
  /(?:(?<![\p{L}])sau(?:\s+đây)?|dưới đây|như sau|cụ thể(?:\s+như sau)?|(?:nhiệm vụ|nội dung|công việc|hoạt động|giải pháp|biện pháp)(?:\s+\p{L}+){0,3})\s*:\s*$/iu;

export type IntroKind = 'enumerates' | 'announces' | 'task';

/** What a sentence ending in ":" with a body as subject does, in its context. */
export function introKind(text: string, impl: boolean): IntroKind {
  if (ENUMERATES.test(text)) return 'enumerates';
  // "X chủ trì …. Cụ thể:": a complete sentence before the colon makes the paragraph a task.
  if (splitSentences(text).length > 1) return 'task';
  return impl || ANNOUNCES.test(text) ? 'announces' : 'task';
}

/** Whether a paragraph of an item names the body doing it ("Ủy ban nhân dân phường lập danh sách …"). */
export function namesBody(para: Paragraph): boolean {
  if (isAttributeLine(para.text) || assignsNothing(para.text)) return false;
  const s = findSubject(stripBullet(para.text));
  return s !== null && s.form !== 'assign';
}
