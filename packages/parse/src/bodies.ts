import { clean, fold, stripBullet } from './text.js';

/*
 * Who is assigned: the grammar of responsibility in administrative Vietnamese.
 * - "X chủ trì, phối hợp với Y …", "X có trách nhiệm …", "X: <duties>" → lead X
 * - "Giao X …", "Đề nghị X …", "Yêu cầu X …" → lead X
 * - "… phối hợp với Y, Z và W …", "Đơn vị phối hợp: …" → coordinators
 * A body is a noun phrase opened by an organisation or office word (Sở, Ban, Ủy ban, UBND, Phòng, Công an,
 * Chủ tịch, Giám đốc, Đồng chí, Các cấp …) and closed by the verb that follows it.
 */

/** Words that open the name of a body or an office holder (folded, longest first). */
const HEADS = [
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
  'cục',
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
const AMBIGUOUS_HEADS = new Set([
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

/** Verbs (and verb-like words) that end a subject; folded, longest first. */
const VERBS = [
  'chủ trì',
  'phối hợp',
  'chủ động',
  'tham mưu',
  'thực hiện',
  'triển khai',
  'tổ chức',
  'xây dựng',
  'ban hành',
  'hướng dẫn',
  'kiểm tra',
  'giám sát',
  'theo dõi',
  'đôn đốc',
  'tổng hợp',
  'báo cáo',
  'đầu tư',
  'hoàn thiện',
  'hoàn thành',
  'rà soát',
  'đề xuất',
  'tham gia',
  'chỉ đạo',
  'lãnh đạo',
  'quán triệt',
  'tuyên truyền',
  'phổ biến',
  'tăng cường',
  'đẩy mạnh',
  'nâng cao',
  'nêu cao',
  'bảo đảm',
  'đảm bảo',
  'bố trí',
  'cung cấp',
  'thẩm định',
  'phê duyệt',
  'thành lập',
  'tiếp nhận',
  'giải quyết',
  'xử lý',
  'cập nhật',
  'quản lý',
  'phát huy',
  'vận động',
  'khẩn trương',
  'nghiên cứu',
  'tập trung',
  'làm việc',
  'làm đầu mối',
  'phụ trách',
  'san tạo',
  'thu hút',
  'mời gọi',
  'lựa chọn',
  'giới thiệu',
  'đánh giá',
  'chuẩn bị',
  'điều hành',
  'trực tiếp',
  'tiến hành',
  'thường xuyên',
  'định kỳ',
  'kịp thời',
  'phấn đấu',
  'tích cực',
  'yêu cầu',
  'đề nghị',
  'hỗ trợ',
  'vận hành',
  'duy trì',
  'khuyến khích',
  'phát hiện',
  'ngăn chặn',
  'đấu tranh',
  'kiến nghị',
  'công bố',
  'kiểm soát',
  'thông báo',
  'tiếp tục',
  'bồi dưỡng',
  'đào tạo',
  'ứng dụng',
  'dự kiến',
  'soạn thảo',
  'phát hành',
  'sử dụng',
  'bảo vệ',
  'sắp xếp',
  'củng cố',
  'kiện toàn',
  'hoàn tất',
  'điều chỉnh',
  'bổ sung',
  'sửa đổi',
  'phân công',
  'phân bổ',
  'huy động',
  'quyết toán',
  'tham dự',
  'trả lời',
  'nghiêm túc',
  'quyết liệt',
  'đồng thời',
  'ưu tiên',
  'trao đổi',
  'xác minh',
  'xác định',
  'giao',
  'cử',
  'lập',
  'trình',
  'gửi',
  'nắm',
  'sớm',
  'giúp',
  'tạo',
  'chỉ',
  'mời',
  'chuyển',
  'phát triển',
  'bầu cử',
].sort((a, b) => b.length - a.length);

/** Verbs that form names right after a head noun ("Đoàn kiểm tra", "Ban chỉ đạo", "cơ quan chủ trì"). */
const NAME_VERBS = new Set([
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

function functionHeadEnd(tokens: Token[], at: number, length: number): number {
  const last = tokens[at + length - 1]?.folded ?? '';
  const phrase = tokens
    .slice(at, at + length)
    .map((t) => t.folded)
    .join(' ');
  return FUNCTION_HEADS.has(phrase) || FUNCTION_HEADS.has(last) ? at + length : -1;
}

/** Words that end a subject without being verbs. */
const BREAKERS = [
  'căn cứ',
  'trong quá trình',
  'trong việc',
  'trong thời gian',
  'trong phạm vi',
  'trên cơ sở',
  'theo',
  'có trách nhiệm',
  'chịu trách nhiệm',
  'là',
  'được',
  'khi',
  'nếu',
  'để',
  'nhằm',
  'cần',
  'phải',
  'sẽ',
  'đã',
  'đang',
  'cùng',
  'thông qua',
  'bằng',
  'về việc',
  'trong',
  'với',
  'tại',
  'đối với',
  'thì',
  'việc',
].sort((a, b) => b.length - a.length);

interface Token {
  text: string;
  folded: string;
  /** Character offset in the source. */
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /[^\s]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({
      text: m[0],
      folded: fold(m[0]).replace(/^[(“"']+|[)”"',;:.!?]+$/gu, ''),
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

/** Length in tokens of the phrase from `list` that starts at token i, else 0. */
function phraseAt(tokens: Token[], i: number, list: readonly string[]): number {
  for (const phrase of list) {
    const words = phrase.split(' ');
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

const isCapitalised = (t: Token | undefined) => t !== undefined && /^[(“"]?\p{Lu}/u.test(t.text);
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
function headAt(tokens: Token[], i: number, requireCase: boolean): number {
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
  if (head === 'bộ' && next && /^(?:máy|phận|hồ|tài|tiêu|dữ)$/u.test(next.folded)) return 0;
  if (head === 'hội' && next && /^(?:nghị|thảo|thi|diễn)$/u.test(next.folded)) return 0;
  if (head === 'trường' && next?.folded === 'hợp') return 0;
  if (head === 'cấp' && !det) return 0;
  return k - i + len;
}

export interface Subject {
  /** The body as printed. */
  text: string;
  /** Offset where the rest of the sentence (the predicate) starts. */
  end: number;
  /** How the subject was found. */
  form: 'subject' | 'colon' | 'assign';
}

/**
 * The body a sentence is about, when it opens with one: "Sở Công Thương chủ trì …" → "Sở Công Thương";
 * "UBND cấp xã: đầu tư …" → "UBND cấp xã"; "Giao phòng Quản lý Công nghiệp triển khai …" → "phòng Quản lý
 * Công nghiệp"; "Kết thúc cuộc bầu cử, Ban Thường trực … chịu trách nhiệm …" → "Ban Thường trực …".
 */
export function findSubject(input: string, options: { allowIntro?: boolean } = {}): Subject | null {
  const text = clean(stripBullet(input));
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;

  // "Giao (cho) X …", "Đề nghị X …", "Yêu cầu X …"
  const assign = /^(?:giao(?:\s+cho)?|đề nghị|yêu cầu)$/u;
  for (const n of [2, 1]) {
    const first = tokens
      .slice(0, n)
      .map((t) => t.folded)
      .join(' ');
    if (assign.test(first) && tokens[n]) {
      const s = subjectFrom(text, tokens, n, false);
      if (s) return { ...s, form: 'assign' };
    }
  }

  const direct = subjectFrom(text, tokens, 0, true);
  if (direct) return direct;

  // An opening clause ("Kết thúc cuộc bầu cử, …", "Trong quá trình …, nếu …, …"): try after each comma.
  if (options.allowIntro !== false && INTRO_OPENER.test(text)) {
    let depth = 0;
    for (let i = 1; i < Math.min(tokens.length, 40); i++) {
      const before = tokens[i - 1]!.text;
      depth += (before.match(/\(/gu) ?? []).length - (before.match(/\)/gu) ?? []).length;
      if (depth > 0 || !/,$/u.test(before)) continue;
      const s = subjectFrom(text, tokens, i, true);
      if (s && s.form === 'subject') return s;
    }
  }
  return null;
}

/** Opening clauses that may stand before the subject ("Kết thúc cuộc bầu cử, X …", "Trong quá trình …, X …"). */
const INTRO_OPENER =
  /^(?:Kết thúc|Trong|Sau|Khi|Trên cơ sở|Căn cứ|Để|Nhằm|Theo|Ngay|Đồng thời|Trường hợp|Nếu|Hằng|Hàng|Định kỳ|Qua|Với|Từ|Đến|Trước|Cùng với)(?![\p{L}\p{N}])/u;

function subjectFrom(text: string, tokens: Token[], from: number, requireCase: boolean): Subject | null {
  const head = headAt(tokens, from, requireCase);
  if (!head) return null;
  let i = from + head;
  const det = /^(?:các|mỗi|từng|những|cả)$/u.test(tokens[from]!.folded) ? 1 : 0;
  let lastHeadEnd = functionHeadEnd(tokens, from + det, head - det) >= 0 ? i : -1;
  let depth = 0;
  for (; i < tokens.length && i - from < 30; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    if (depth > 0 || t.text.startsWith('(')) {
      depth += (t.text.match(/\(/gu) ?? []).length - (t.text.match(/\)/gu) ?? []).length;
      if (depth < 0) depth = 0;
      continue;
    }
    if (/:$/u.test(prev.text) && i > from) {
      // "UBND cấp xã: đầu tư …" assigns; "Trưởng đoàn: Đại diện …" describes.
      if (!isVerbAt(tokens, i)) return null;
      return make(text, tokens, from, i, 'colon');
    }
    if (/[.!?]$/u.test(prev.text)) return null;
    // A new head inside the subject ("… và Ban Quản lý …", "Trưởng Ban xây dựng Đảng").
    const h = isCapitalised(t) || /^(?:các|và)$/u.test(t.folded) ? 0 : phraseAt(tokens, i, HEADS);
    if (
      h &&
      !AMBIGUOUS_HEADS.has(
        tokens
          .slice(i, i + h)
          .map((x) => x.folded)
          .join(' '),
      )
    ) {
      lastHeadEnd = functionHeadEnd(tokens, i, h);
      i += h - 1;
      continue;
    }
    if (isCapitalised(t)) {
      const ch = phraseAt(tokens, i, HEADS);
      lastHeadEnd = ch ? functionHeadEnd(tokens, i, ch) : -1;
      if (ch) i += ch - 1;
      continue;
    }
    // "nòng cốt là", "nhất là": inside the subject.
    if (t.folded === 'là' && /^(?:cốt|nhất|biệt)$/u.test(prev.folded)) continue;
    const verb = /^(?:các|những|mỗi|từng)$/u.test(prev.folded) ? 0 : phraseAt(tokens, i, VERBS);
    if (verb) {
      const phrase = tokens
        .slice(i, i + verb)
        .map((x) => x.folded)
        .join(' ');
      // A verb right after a head noun names the body ("Đoàn kiểm tra", "cơ quan chủ trì").
      if (i === lastHeadEnd && NAME_VERBS.has(phrase)) {
        lastHeadEnd = i + verb;
        i += verb - 1;
        continue;
      }
      // "Đoàn kiểm tra, giám sát": a coordinated name verb.
      if (i === lastHeadEnd + 0 && /,$/u.test(prev.text) && NAME_VERBS.has(phrase) && i > from + head) {
        lastHeadEnd = i + verb;
        i += verb - 1;
        continue;
      }
      return make(text, tokens, from, i, 'subject');
    }
    const breaker = phraseAt(tokens, i, BREAKERS);
    if (breaker) {
      const phrase = tokens
        .slice(i, i + breaker)
        .map((x) => x.folded)
        .join(' ');
      // "trong tiểu ban", "trong và ngoài tỉnh": part of the name.
      if (
        phrase === 'trong' &&
        !isVerbAt(tokens, i + 1) &&
        !/^(?:việc|quá|thời|công|hoạt|lĩnh|phạm|tổ)$/u.test(tokens[i + 1]?.folded ?? '')
      ) {
        continue;
      }
      if (phrase === 'với' || phrase === 'tại' || phrase === 'đối với') {
        if (i - from <= head) return null;
      }
      return make(text, tokens, from, i, 'subject');
    }
  }
  return null;
}

function isVerbAt(tokens: Token[], i: number): boolean {
  return phraseAt(tokens, i, VERBS) > 0;
}

function make(
  text: string,
  tokens: Token[],
  from: number,
  to: number,
  form: Subject['form'],
): Subject | null {
  if (to <= from) return null;
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  const raw = text
    .slice(start, end)
    .replace(/[\s,;:–-]+$/u, '')
    .trim();
  if (!raw) return null;
  return { text: raw, end: tokens[to]?.start ?? text.length, form };
}

/**
 * Whether a heading (without its number) only names a body: "Sở Công Thương", "Ủy ban nhân dân cấp xã:",
 * "Cán bộ phụ trách lĩnh vực giám sát …". A sentence (final period, "chủ trì", "phối hợp", duties after a
 * colon) is not a name.
 */
export function headingNamesBody(heading: string): string | null {
  const text = clean(heading).replace(/[:\s]+$/u, '');
  if (!text || /[.!?]$/u.test(text)) return null;
  const tokens = tokenize(text);
  if (tokens.length > 24) return null;
  if (!headAt(tokens, 0, true)) return null;
  if (/:\s*\S/u.test(text)) return null;
  if (
    /(?<![\p{L}])(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|thực hiện|triển khai|tổ chức thực hiện)(?![\p{L}])/iu.test(
      text.slice(tokens[1]?.start ?? 0),
    )
  ) {
    // "Các sở, ban, ngành và các đơn vị khác có liên quan" has none; "Sở X chủ trì …" is a sentence.
    return null;
  }
  return text;
}

const COORDINATION =
  /(?:^|[\s,;(])(?:phối hợp|phối hợp chặt chẽ|phối hợp thực hiện)\s*(?:với|cùng)\s+|(?:^|[\s,;(])phối hợp\s*:\s*/giu;

/** Bodies named after "phối hợp với" (each mention), split into the groups a reader lists. */
export function findCoordinators(input: string): string[] {
  const text = clean(input);
  const out: string[] = [];
  COORDINATION.lastIndex = 0;
  for (let m = COORDINATION.exec(text); m; m = COORDINATION.exec(text)) {
    const start = m.index + m[0].length;
    const span = coordinationSpan(text.slice(start));
    for (const group of splitBodies(span)) if (!out.includes(group)) out.push(group);
  }
  return out;
}

function coordinationSpan(text: string): string {
  const tokens = tokenize(text);
  let depth = 0;
  let lastHeadEnd = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    if (depth > 0 || t.text.startsWith('(')) {
      depth += (t.text.match(/\(/gu) ?? []).length - (t.text.match(/\)/gu) ?? []).length;
      if (depth < 0) depth = 0;
      if (/[;.]$/u.test(t.text) && depth === 0) return text.slice(0, t.end).replace(/[;.]$/u, '');
      continue;
    }
    if (i > 0 && prev && /[;:.!?]$/u.test(prev.text)) return text.slice(0, prev.end).replace(/[;:.!?]$/u, '');
    // Names: capitalised words, heads ("chủ đầu tư", "cơ quan") and the verbs that name them ("cơ quan chủ trì").
    if (isCapitalised(t)) {
      const h = phraseAt(tokens, i, HEADS);
      lastHeadEnd = -1;
      if (h) {
        lastHeadEnd = functionHeadEnd(tokens, i, h);
        i += h - 1;
      }
      continue;
    }
    const head = phraseAt(tokens, i, HEADS);
    if (head && !(prev && /^(?:các|những)$/u.test(prev.folded) && false)) {
      const phrase = tokens
        .slice(i, i + head)
        .map((x) => x.folded)
        .join(' ');
      if (
        !VERBS.includes(phrase) ||
        (prev && /^(?:các|những|mỗi|từng)$/u.test(prev.folded)) ||
        /,$/u.test(prev?.text ?? '')
      ) {
        lastHeadEnd = functionHeadEnd(tokens, i, head);
        i += head - 1;
        continue;
      }
    }
    if (i === 0) continue;
    const afterComma = prev !== undefined && /,$/u.test(prev.text);
    const verb = prev && /^(?:các|những|mỗi|từng)$/u.test(prev.folded) ? 0 : phraseAt(tokens, i, VERBS);
    if (verb) {
      const phrase = tokens
        .slice(i, i + verb)
        .map((x) => x.folded)
        .join(' ');
      if (NAME_VERBS.has(phrase) && i === lastHeadEnd) {
        lastHeadEnd = i + verb;
        i += verb - 1;
        continue;
      }
      if (!afterComma) return text.slice(0, prev!.end);
      i += verb - 1;
      continue;
    }
    const breaker = phraseAt(tokens, i, BREAKERS);
    if (breaker && !afterComma) {
      const phrase = tokens
        .slice(i, i + breaker)
        .map((x) => x.folded)
        .join(' ');
      if (
        phrase === 'trong' &&
        !isVerbAt(tokens, i + 1) &&
        !/^(?:việc|quá|thời|công|hoạt|lĩnh|phạm|tổ|chuyển)$/u.test(tokens[i + 1]?.folded ?? '')
      ) {
        continue;
      }
      if (phrase === 'với' || phrase === 'cùng') continue;
      return text.slice(0, prev!.end);
    }
  }
  return text.replace(/[;:.!?]$/u, '');
}

/** Generic words that continue a group rather than start one ("các Sở, ban ngành", "sở, ngành, đơn vị"). */
const GENERIC =
  /^(?:sở|ban|ngành|đơn vị|địa phương|cơ quan|ban ngành|phòng|tổ chức|cá nhân|đoàn thể|hội|ngành liên quan)(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))/u;

/**
 * Split a list of bodies into groups: a new group starts at a capitalised body ("Sở Xây dựng, Ban Quản lý
 * …"), at "các …", or at a head such as "chủ đầu tư", "nhà đầu tư", "tổ chức thành viên"; generic words after
 * a comma ("các Sở, ban ngành") stay in their group.
 */
export function splitBodies(input: string): string[] {
  const text = clean(input).replace(/[.;:]+$/u, '');
  if (!text) return [];
  const pieces: string[] = [];
  const re = /\s*(?:,|;|\s+và\s+|\s+cùng\s+)\s*/gu;
  let last = 0;
  const separators: string[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    pieces.push(text.slice(last, m.index));
    separators.push(m[0]);
    last = m.index + m[0].length;
  }
  pieces.push(text.slice(last));
  const groups: string[] = [];
  let depth = 0;
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k]!;
    const sep = k > 0 ? separators[k - 1]! : '';
    if (groups.length === 0) {
      groups.push(piece);
    } else if (depth > 0 || !startsGroup(piece, groups[groups.length - 1]!, sep)) {
      groups[groups.length - 1] +=
        `${sep.includes(',') ? ', ' : sep.includes(';') ? '; ' : sep.includes('và') ? ' và ' : ' cùng '}${piece}`;
    } else {
      groups.push(piece);
    }
    depth = Math.max(
      0,
      (groups[groups.length - 1]!.match(/\(/gu) ?? []).length -
        (groups[groups.length - 1]!.match(/\)/gu) ?? []).length,
    );
  }
  return groups.map((g) => g.trim()).filter(Boolean);
}

function startsGroup(piece: string, previous: string, separator: string): boolean {
  const t = piece.trim();
  const f = fold(t);
  if (/^(?:các|những|mỗi|từng)\s/u.test(f)) return true;
  if (
    /^(?:chủ đầu tư|nhà đầu tư|tổ chức thành viên|doanh nghiệp|người đứng đầu|chính quyền)(?![\p{L}\p{N}])/u.test(
      f,
    )
  )
    return true;
  if (/^\p{Lu}/u.test(t)) {
    const tokens = tokenize(t);
    // Capitalised generic words ("Ngành", "Ban ngành") continue their group.
    if (/^(?:ngành|ban ngành|ban|sở|đơn vị|địa phương)$/u.test(f)) return false;
    return headAt(tokens, 0, true) > 0;
  }
  // "Các Sở, ban, ngành và địa phương": after a listed group, "và" + a generic word starts another one.
  if (/và/u.test(separator) && previous.includes(',') && GENERIC.test(f)) return true;
  return false;
}

/** Attribute lines of a timed activity: "Đơn vị chủ trì: …", "Đơn vị phối hợp: …", "Thời gian thực hiện: …". */
export const LEAD_ATTRIBUTE =
  /^(?:[-+*•]\s*)?(?:Đơn vị|Cơ quan|Bộ phận|Người|Cán bộ)\s+(?:chủ trì|thực hiện|phụ trách|tham mưu)(?:\s+thực hiện)?\s*:\s*(.*)$/iu;
export const COORDINATOR_ATTRIBUTE =
  /^(?:[-+*•]\s*)?(?:(?:Đơn vị|Cơ quan)\s+)?phối hợp(?:\s+thực hiện)?\s*:\s*(.*)$/iu;
export const TIME_ATTRIBUTE =
  /^(?:[-+*•]\s*)?(?:Thời gian(?:\s+(?:thực hiện|hoàn thành|tổ chức|triển khai))?|Thời hạn(?:\s+hoàn thành)?|Tiến độ(?:\s+thực hiện)?)\s*:\s*(.*)$/iu;
