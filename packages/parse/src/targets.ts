import type { Comparator, PlanTarget } from '@sohoa/model';
import { matchesOf } from './matches.js';
import type { SectionNode } from './sections.js';
import { clean } from './text.js';

/*
 * Quantified goals: "đóng góp từ 10% trở lên vào tăng trưởng GRDP" (>= 10 %), "nhóm 03 tỉnh đứng đầu"
 * (top 3), "khoảng trên 500ha" (> 500 ha), "ít nhất 30% doanh nghiệp" (>= 30 %), "đạt chuẩn 100%" (= 100 %).
 * Budgets, legal thresholds ("trên 50% tổng số cử tri") and counts of people are not goals.
 */

const SKIP_SECTION = /VỐN|KINH PHÍ|DỰ TOÁN|NGUỒN LỰC TÀI CHÍNH/u;
const GOAL_CUE =
  /phấn đấu|đạt|ít nhất|tối thiểu|trở lên|hoàn thành|thành lập|hoàn thiện|tỷ lệ|đứng đầu|dẫn đầu|tăng|giảm|mục tiêu|đóng góp|100%/iu;
const NOT_GOAL =
  /cử tri|tín nhiệm|tỷ đồng|triệu đồng|nghìn đồng|đồng(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))|người\)|biểu quyết|phiếu/iu;

const UNITS = String.raw`%|ha(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))|héc-ta|km(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))|tỷ USD|triệu USD|khu công nghiệp|cụm công nghiệp|doanh nghiệp|mỏ(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))|dự án|sản phẩm|xã(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))|lượt|hộ(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))`;
const QUANTITY = new RegExp(
  String.raw`(khoảng trên|khoảng|trên|hơn|ít nhất(?: là)?|tối thiểu|không dưới|từ|đạt|dưới|không quá|tối đa)?\s*(\d+(?:[.,]\d+)?)\s*(${UNITS})(\s+trở lên)?`,
  'giu',
);
const TOP = /nhóm\s+(\d+)\s+(?:tỉnh|địa phương|đơn vị|thành phố)[^.;]*?(?:đứng đầu|dẫn đầu)/iu;

function comparatorOf(word: string | undefined, orMore: boolean): Comparator {
  const w = (word ?? '').toLowerCase();
  if (orMore || /ít nhất|tối thiểu|không dưới/u.test(w)) return '>=';
  if (w === 'từ') return '>=';
  if (/trên|hơn/u.test(w)) return '>';
  if (/không quá|tối đa/u.test(w)) return '<=';
  if (w === 'dưới') return '<';
  if (w === 'khoảng') return 'approx';
  return '=';
}

function numberOf(text: string): number {
  // "1.280" is one thousand two hundred eighty; "2,6" is two point six.
  if (/^\d{1,3}(?:\.\d{3})+$/u.test(text)) return Number(text.replace(/\./gu, ''));
  return Number(text.replace(',', '.'));
}

function yearIn(text: string): number | null {
  const m = /(?:đến|năm|giai đoạn[^.]*?-)\s*(20\d{2}|19\d{2})/u.exec(text);
  return m ? Number(m[1]) : null;
}

/** Goals stated in headings and paragraphs (not in budget sections). */
export function extractTargets(roots: readonly SectionNode[], planYear: number | null): PlanTarget[] {
  const out: PlanTarget[] = [];
  const visit = (node: SectionNode, horizon: number | null) => {
    if (SKIP_SECTION.test(node.section.heading)) return;
    const own = yearIn(node.section.heading) ?? horizon;
    const texts = [
      { text: node.section.heading, line: node.section.line },
      ...node.paras.map((p) => ({ text: p.text, line: p.line })),
    ];
    for (const { text, line } of texts) {
      for (const sentence of clean(text).split(/(?<=[.;!?])\s+(?=\p{Lu})/u)) {
        if (!GOAL_CUE.test(sentence) || NOT_GOAL.test(sentence)) continue;
        const year = yearIn(sentence) ?? own ?? planYear;
        const top = TOP.exec(sentence);
        if (top) {
          out.push(
            target(
              sentence,
              year,
              sentence.slice(0, top.index).trim(),
              'top',
              Number(top[1]),
              null,
              node.section.id,
              line,
            ),
          );
        }
        for (const m of matchesOf(QUANTITY, sentence)) {
          const unit = m[3]!.trim();
          const before = sentence.slice(0, m.index).trim();
          const after = sentence.slice(m.index + m[0].length).trim();
          const metric = unit === '%' && after ? after : before || after;
          out.push(
            target(
              sentence,
              year,
              metric,
              comparatorOf(m[1], Boolean(m[4])),
              numberOf(m[2]!),
              unit,
              node.section.id,
              line,
            ),
          );
        }
      }
    }
    for (const child of node.children) visit(child, own);
  };
  for (const root of roots) visit(root, null);
  return out;
}

function target(
  text: string,
  horizon: number | null,
  metric: string,
  comparator: Comparator,
  value: number,
  unit: string | null,
  section: string,
  line: number | undefined,
): PlanTarget {
  const m = clean(metric)
    .replace(/^[-+*•]\s*/u, '')
    .replace(/[\s,.:;]+$/u, '');
  return {
    text: clean(text).replace(/^[-+*•]\s*/u, ''),
    horizon: horizon !== null && horizon >= 1900 && horizon <= 2200 ? horizon : null,
    metric: m || null,
    comparator,
    value: Number.isFinite(value) ? value : null,
    unit,
    section,
    ...(line !== undefined ? { line } : {}),
  };
}
