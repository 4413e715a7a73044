import { matchesOf } from './matches.js';
import { fold } from './text.js';

/*
 * The grammar of the names of bodies and office holders in administrative Vietnamese. A name opens with a
 * head noun (Sở, Bộ, Cục, Vụ, Ủy ban nhân dân, Ban, Phòng, Công an, Chủ tịch …), optionally after a determiner
 * (các, mỗi …), and goes on with a proper name (capitalised words: "Sở Y tế", "Vụ Pháp chế"), qualifiers of
 * level and place ("cấp tỉnh, cấp xã", "các huyện", "tỉnh Lào Cai", "nhà nước", "có liên quan"), other heads
 * ("các sở, ban, ngành") and, after heads that name a function ("Ban chỉ đạo", "Đoàn kiểm tra"), descriptors.
 * Where the name cannot go on, the predicate starts: a closed head or a complete proper name ("… Việt Nam")
 * takes no lower-case word other than a qualifier.
 */

/** Words that open the name of a body or an office holder (folded, longest first). */
export const HEADS = [
  'ủy ban nhân dân',
  'hội đồng nhân dân',
  'ủy ban mặt trận tổ quốc',
  'ủy ban mttq',
  'ủy ban kiểm tra',
  'ủy ban bầu cử',
  'ủy ban',
  'ubnd',
  'ubmttq',
  'hđnd',
  'mttq',
  'mặt trận tổ quốc',
  'mặt trận',
  'hội đồng',
  'ban chỉ đạo',
  'ban chỉ huy',
  'ban quản lý',
  'ban thường trực',
  'ban thường vụ',
  'ban công tác',
  'tiểu ban',
  'ban',
  'bộ chỉ huy',
  'bộ',
  'sở',
  'phòng',
  'chi cục',
  'tổng cục',
  'cục',
  'vụ',
  'học viện',
  'nhà xuất bản',
  'tạp chí',
  'thông tấn xã',
  'tổng liên đoàn',
  'bảo hiểm xã hội',
  'kiểm toán nhà nước',
  'tòa án',
  'viện kiểm sát',
  'tổng công ty',
  'tập đoàn',
  'viện',
  'trung tâm',
  'tổ công tác',
  'tổ',
  'đoàn',
  'đội',
  'hội',
  'công an',
  'thanh tra',
  'thuế',
  'kho bạc',
  'ngân hàng',
  'văn phòng',
  'tỉnh ủy',
  'huyện ủy',
  'thành ủy',
  'đảng ủy',
  'đảng bộ',
  'chi bộ',
  'cấp ủy',
  'chính phủ',
  'thủ tướng',
  'phó chủ tịch',
  'chủ tịch',
  'phó giám đốc',
  'giám đốc',
  'thủ trưởng',
  'phó trưởng',
  'trưởng',
  'phó bí thư',
  'bí thư',
  'đồng chí',
  'đ/c',
  'chánh',
  'người đứng đầu',
  'lãnh đạo',
  'cán bộ',
  'chuyên viên',
  'công chức',
  'đảng viên',
  'doanh nghiệp',
  'chủ đầu tư',
  'nhà đầu tư',
  'công ty',
  'trường',
  'bệnh viện',
  'báo',
  'đài',
  'cổng thông tin',
  'liên đoàn',
  'liên minh',
  'tỉnh đoàn',
  'huyện đoàn',
  'cơ quan',
  'đơn vị',
  'tổ chức',
  'thành viên',
  'lực lượng',
  'ủy viên',
  'thường trực',
  'chính quyền',
  'cấp',
  'ngành',
  'địa phương',
  'các cấp',
  'bch',
  'bộ đội',
  'quân sự',
].sort((a, b) => b.length - a.length);

/** Heads that are also verbs or common nouns: a body only before a name, a place level or a determiner. */
export const AMBIGUOUS_HEADS = new Set([
  'vụ',
  'bảo hiểm xã hội',
  'tập đoàn',
  'thanh tra',
  'lãnh đạo',
  'phòng',
  'tổ chức',
  'báo',
  'đội',
  'bộ',
  'hội',
  'trường',
  'cấp',
  'ngành',
  'địa phương',
  'thường trực',
  'thành viên',
  'đơn vị',
  'cơ quan',
  'đoàn',
  'ban',
  'tổ',
  'lực lượng',
  'doanh nghiệp',
  'chính quyền',
]);

/** Heads that may stand bare at the start of a sentence (no determiner, no name after them). */
const BARE_OK = new Set([
  'đồng chí',
  'đ/c',
  'chủ đầu tư',
  'nhà đầu tư',
  'ubnd',
  'hđnd',
  'mttq',
  'ubmttq',
  'đoàn',
  'tổ',
  'ban',
  'đơn vị',
  'cơ quan',
  'thành viên',
]);

/**
 * Two-syllable words that name the fields of ministries, departments and offices; in a body's name only the
 * first syllable is capitalised ("Bộ Xây dựng", "Sở Giáo dục và Đào tạo"), so the second is no predicate.
 */
export const FIELD_WORDS = new Set([
  'đào tạo',
  'giáo dục',
  'xây dựng',
  'tài chính',
  'tư pháp',
  'nội vụ',
  'ngoại vụ',
  'ngoại giao',
  'quốc phòng',
  'công thương',
  'công an',
  'y tế',
  'văn hóa',
  'văn hoá',
  'thể thao',
  'du lịch',
  'khoa học',
  'công nghệ',
  'nông nghiệp',
  'nông thôn',
  'môi trường',
  'tài nguyên',
  'lao động',
  'thương binh',
  'xã hội',
  'kế hoạch',
  'đầu tư',
  'giao thông',
  'vận tải',
  'thông tin',
  'truyền thông',
  'dân tộc',
  'tôn giáo',
  'kiểm toán',
  'thanh tra',
  'ngân hàng',
  'pháp chế',
  'tổ chức',
  'cán bộ',
  'hành chính',
  'quản lý',
  'phát triển',
  'thủy sản',
  'lâm nghiệp',
  'kiểm lâm',
  'hải quan',
  'thuế vụ',
  'bảo hiểm',
  'dân số',
  'gia đình',
  'trẻ em',
  'thi đua',
  'khen thưởng',
  'tuyên giáo',
  'dân vận',
  'kiểm tra',
  'đối ngoại',
  'an ninh',
  'chính trị',
  'kinh tế',
  'hạ tầng',
  'đô thị',
  'quy hoạch',
  'kiến trúc',
  'thống kê',
  'nhà ở',
  'đất đai',
  'việc làm',
  'người có công',
]);

/** Verbs that form names right after a head noun ("Đoàn kiểm tra", "Ban chỉ đạo", "cơ quan chủ trì"). */
export const NAME_VERBS = new Set([
  'chủ trì',
  'kiểm tra',
  'giám sát',
  'chỉ đạo',
  'quản lý',
  'thường trực',
  'thường vụ',
  'thẩm định',
  'đầu tư',
  'giúp việc',
  'phụ trách',
  'xây dựng',
  'tổ chức',
  'tuyên giáo',
  'dân vận',
  'kiểm phiếu',
  'bầu cử',
  'công tác',
  'điều hành',
  'chỉ huy',
  'kiểm soát',
  'tham mưu',
]);

/** Heads that a function verb can name ("Ban chỉ đạo", "Đoàn kiểm tra", "Ủy ban bầu cử", "cơ quan chủ trì"). */
const FUNCTION_HEADS = new Set([
  'ban',
  'tổ',
  'đoàn',
  'ủy ban',
  'hội đồng',
  'tiểu ban',
  'cơ quan',
  'đơn vị',
  'chủ',
  'trung tâm',
  'bộ phận',
  'đội',
  'cán bộ',
  'chuyên viên',
]);

export function functionHeadEnd(tokens: Token[], at: number, length: number): number {
  const last = tokens[at + length - 1]?.folded ?? '';
  const phrase = tokens
    .slice(at, at + length)
    .map((t) => t.folded)
    .join(' ');
  return FUNCTION_HEADS.has(phrase) || FUNCTION_HEADS.has(last) ? at + length : -1;
}

export interface Token {
  text: string;
  folded: string;
  /** Character offset in the source. */
  start: number;
  end: number;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /[^\s]+/gu;
  for (const m of matchesOf(re, text)) {
    out.push({
      text: m[0],
      folded: fold(m[0]).replace(/^[(“"']+|[)”"',;:.!?]+$/gu, ''),
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

/** The words of a listed phrase, split once: phraseAt runs on every token. */
const phraseWords = new Map<string, readonly string[]>();
function wordsOf(phrase: string): readonly string[] {
  let words = phraseWords.get(phrase);
  if (words === undefined) {
    words = phrase.split(' ');
    phraseWords.set(phrase, words);
  }
  return words;
}

/** Length in tokens of the phrase from `list` that starts at token i, else 0. */
export function phraseAt(tokens: Token[], i: number, list: readonly string[]): number {
  for (const phrase of list) {
    const words = wordsOf(phrase);
    let ok = true;
    for (let k = 0; k < words.length; k++) {
      const t = tokens[i + k];
      if (!t || t.folded !== words[k]) {
        ok = false;
        break;
      }
      // Inner tokens of a phrase must not end with punctuation ("kiểm tra, giám sát" is two phrases).
      if (k < words.length - 1 && /[,;:.]$/u.test(t.text)) {
        ok = false;
        break;
      }
    }
    if (ok) return words.length;
  }
  return 0;
}

export const isCapitalised = (t: Token | undefined) => t !== undefined && /^[(“"]?\p{Lu}/u.test(t.text);
const PLACE_WORDS = new Set([
  'tỉnh',
  'huyện',
  'xã',
  'phường',
  'thị',
  'thành',
  'quận',
  'cấp',
  'trung',
  'các',
  'và',
]);

/** Length in tokens of a body head at token i (with its determiner), else 0. */
export function headAt(tokens: Token[], i: number, requireCase: boolean): number {
  let k = i;
  const det = tokens[k] && /^(?:các|mỗi|từng|những|cả)$/u.test(tokens[k]!.folded) ? 1 : 0;
  if (det) k++;
  if (tokens[k]?.folded === 'toàn' && tokens[k + 1]?.folded === 'thể') k += 2;
  const len = phraseAt(tokens, k, HEADS);
  if (!len) return 0;
  const head = tokens
    .slice(k, k + len)
    .map((t) => t.folded)
    .join(' ');
  const next = tokens[k + len];
  if (!det) {
    if (requireCase && !isCapitalised(tokens[k])) return 0;
    if (AMBIGUOUS_HEADS.has(head) && !BARE_OK.has(head)) {
      const ok = isCapitalised(next) || (next !== undefined && PLACE_WORDS.has(next.folded));
      if (!ok) return 0;
    }
    // "Tổ chức các hội nghị", "Ban hành …", "Phòng chống …": verbs, not bodies.
    if (head === 'tổ chức') return 0;
  }
  if (head === 'ban' && next?.folded === 'hành') return 0;
  if (head === 'phòng' && next && /^(?:chống|ngừa)$/u.test(next.folded)) return 0;
  if (head === 'báo' && next?.folded === 'cáo') return 0;
  if (head === 'đội' && next?.folded === 'ngũ') return 0;
  // Common nouns opened by a head word ("bộ máy", "hội nghị", "vụ việc"); "Bộ Tài chính" is a body.
  const common = next !== undefined && !isCapitalised(next);
  if (head === 'bộ' && common && /^(?:máy|phận|hồ|tài|tiêu|dữ)$/u.test(next.folded)) return 0;
  if (head === 'hội' && common && /^(?:nghị|thảo|thi|diễn)$/u.test(next.folded)) return 0;
  if (head === 'vụ' && common && /^(?:việc|án|mùa|lợi)$/u.test(next.folded)) return 0;
  if (head === 'trường' && next?.folded === 'hợp') return 0;
  if (head === 'cấp' && !det) return 0;
  return k - i + len;
}

/** Heads whose name is complete without lower-case descriptors ("Sở Y tế", "Ủy ban nhân dân cấp tỉnh"). */
export const CLOSED_HEADS = new Set([
  'ủy ban nhân dân',
  'hội đồng nhân dân',
  'ubnd',
  'hđnd',
  'ubmttq',
  'mttq',
  'ủy ban mttq',
  'ủy ban mặt trận tổ quốc',
  'mặt trận tổ quốc',
  'sở',
  'bộ',
  'cục',
  'chi cục',
  'tổng cục',
  'vụ',
  'công an',
  'thanh tra',
  'kho bạc',
  'tỉnh ủy',
  'huyện ủy',
  'thành ủy',
  'đảng ủy',
  'chính phủ',
  'thủ tướng',
  'bảo hiểm xã hội',
  'tòa án',
  'viện kiểm sát',
  'kiểm toán nhà nước',
  'chủ tịch',
  'phó chủ tịch',
  'giám đốc',
  'phó giám đốc',
  'bí thư',
  'phó bí thư',
  'thủ trưởng',
]);

/** Heads of committees, whose names may carry their purpose ("Ban Chỉ đạo thực hiện chính sách …"). */
export const COMMITTEE_HEADS = new Set([
  'ban chỉ đạo',
  'ban quản lý',
  'ban công tác',
  'tổ công tác',
  'hội đồng',
]);

const LEVEL = /^(?:tỉnh|huyện|xã|phường|quận|thành|thị|cơ|trung|bộ|ủy|trên|dưới|cao|ngành)$/u;

/** Qualifiers of level and place that extend a name ("cấp tỉnh", "các huyện", "nhà nước", "có liên quan"). */
const QUALIFIERS = [
  'trực thuộc trung ương',
  'trực thuộc',
  'có liên quan',
  'liên quan',
  'thị xã',
  'thị trấn',
  'thành phố',
  'trung ương',
  'địa phương',
  'cơ sở',
  'nhân dân',
  'nhà nước',
  'chi nhánh',
  'đặc khu',
  'cả nước',
  'toàn quốc',
  'các cấp',
  'tỉnh',
  'huyện',
  'xã',
  'phường',
  'quận',
  'khác',
].sort((a, b) => b.length - a.length);

/** Length in tokens of a qualifier at token i ("cấp tỉnh", "các huyện", "tỉnh"), else 0. */
export function qualifierAt(tokens: Token[], i: number): number {
  let k = i;
  if (tokens[k] && /^(?:các|mỗi|từng|những)$/u.test(tokens[k]!.folded)) k++;
  if (tokens[k]?.folded === 'cấp' && LEVEL.test(tokens[k + 1]?.folded ?? '')) {
    const two = phraseAt(tokens, k + 1, ['cơ sở', 'trung ương', 'thành phố', 'thị xã']);
    return k + 1 + (two || 1) - i;
  }
  const q = phraseAt(tokens, k, QUALIFIERS);
  return q ? k + q - i : 0;
}

/** "cấp" before a level is a qualifier ("cấp tỉnh"); before anything else a verb ("cấp kinh phí"). */
export function isGrantVerb(tokens: Token[], i: number): boolean {
  return tokens[i]?.folded === 'cấp' && !LEVEL.test(tokens[i + 1]?.folded ?? '');
}

/**
 * Where a name stands after token i - 1: the length of a qualifier that continues it, -1 when token i cannot
 * continue it (a lower-case word after a closed head or after a complete proper name), 0 when the grammar
 * of names does not decide.
 */
export function nameContinuation(tokens: Token[], i: number, closedAt: boolean, capitalRun: number): number {
  const t = tokens[i];
  if (!t) return 0;
  // "Sở Giáo dục và Đào tạo": the second syllable of a capitalised field word is part of the name.
  const prev = tokens[i - 1];
  if (prev && isCapitalised(prev) && /^\p{Ll}/u.test(t.text) && FIELD_WORDS.has(`${prev.folded} ${t.folded}`))
    return 1;
  // "cấp tỉnh", "các huyện", also capitalised: "Thành phố Hồ Chí Minh", "Trung ương".
  const q = qualifierAt(tokens, i);
  if (q) return q;
  if (isCapitalised(t) || !/^\p{Ll}/u.test(t.text)) return 0;
  if (!closedAt && capitalRun < 2) return 0;
  if (/^(?:và|các|những|mỗi|từng|cùng|hoặc)$/u.test(t.folded) || phraseAt(tokens, i, HEADS)) return 0;
  return -1;
}
