import { matchesOf } from './matches.js';
import {
  AMBIGUOUS_HEADS,
  CLOSED_HEADS,
  COMMITTEE_HEADS,
  functionHeadEnd,
  HEADS,
  headAt,
  isCapitalised,
  isGrantVerb,
  NAME_VERBS,
  nameContinuation,
  phraseAt,
  type Token,
  tokenize,
} from './names.js';
import { clean, fold, stripBullet } from './text.js';

const NAME_VERB_LIST = [...NAME_VERBS];

/*
 * Who is assigned: the grammar of responsibility in administrative Vietnamese.
 * - "X chủ trì, phối hợp với Y …", "X có trách nhiệm …", "X: <duties>" → lead X
 * - "Giao X …", "Đề nghị X …", "Yêu cầu X …" → lead X
 * - "… phối hợp với Y, Z và W …", "Đơn vị phối hợp: …" → coordinators
 * A body is a noun phrase opened by an organisation or office word (Sở, Ban, Ủy ban, UBND, Phòng, Công an,
 * Chủ tịch, Giám đốc, Đồng chí, Các cấp …; see names.ts) and closed where its name grammar ends or by the verb
 * that follows it.
 */

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
  // A step label before the sentence ("Bước 2: Ủy ban nhân dân phường …") is no part of it, nor an
  // ordinal ("Hai là, giao Sở Công Thương …", "Thứ nhất, …").
  const text = clean(stripBullet(input)).replace(STEP_LABEL, '').replace(ORDINAL_OPENER, '');
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
      // A list of bodies after "Đề nghị" may be long.
      const s = subjectFrom(text, tokens, n, false, 60);
      if (s) return { ...s, form: 'assign' };
    }
  }

  const direct = subjectFrom(text, tokens, 0, true);
  if (direct) return direct;

  // "Đối với Ủy ban nhân dân các huyện: xây dựng …": the body named before the colon.
  if (/^(?:đối với|về phía)$/u.test(folded(tokens, 0, 2)) && tokens[2]) {
    const named = subjectFrom(text, tokens, 2, true);
    if (named?.form === 'colon') return named;
  }

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

const ORDINAL_OPENER =
  /^(?:(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)\s+là|Thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\s*[,:]\s*/u;
const STEP_LABEL = /^(?:Bước|Giai đoạn|Đợt|Lần)\s+(?:\d{1,2}|[IVX]+|thứ\s+\p{L}+)\s*[:.\-–]\s*/iu;

/** Opening clauses that may stand before the subject ("Kết thúc cuộc bầu cử, X …", "Trong quá trình …, X …"). */
const INTRO_OPENER =
  /^(?:Kết thúc|Trong|Sau|Khi|Trên cơ sở|Căn cứ|Để|Nhằm|Theo|Ngay|Đồng thời|Trường hợp|Nếu|Hằng|Hàng|Định kỳ|Qua|Với|Từ|Đến|Trước|Cùng với)(?![\p{L}\p{N}])/u;

const folded = (tokens: Token[], from: number, to: number) =>
  tokens
    .slice(from, to)
    .map((t) => t.folded)
    .join(' ');

/** Predicates that follow a committee's name with its purpose ("Ban Chỉ đạo thực hiện … chủ trì"). */
const RESPONSIBILITY = [
  'chủ trì',
  'có trách nhiệm',
  'chịu trách nhiệm',
  'phối hợp',
  'tham mưu',
  'chỉ đạo',
  'hướng dẫn',
  'kiểm tra',
  'tổng hợp',
  'theo dõi',
  'đôn đốc',
  'giám sát',
  'xét duyệt',
  'thẩm định',
  'rà soát',
];

/** After a committee head, "thực hiện …" may be the committee's purpose: the predicate is a later duty. */
function committeePredicate(tokens: Token[], i: number, verb: number): number {
  if (/^(?:các|những|việc|tốt|nghiêm|đầy|có|kịp|theo)$/u.test(tokens[i + verb]?.folded ?? '')) return -1;
  for (let j = i + verb + 1; j < Math.min(tokens.length, i + 30); j++) {
    if (/[.;:!?]$/u.test(tokens[j - 1]!.text)) return -1;
    if (phraseAt(tokens, j, RESPONSIBILITY)) return j;
  }
  return -1;
}

function subjectFrom(
  text: string,
  tokens: Token[],
  from: number,
  requireCase: boolean,
  limit = 30,
): Subject | null {
  const head = headAt(tokens, from, requireCase);
  if (!head) return null;
  let i = from + head;
  const det = /^(?:các|mỗi|từng|những|cả)$/u.test(tokens[from]!.folded) ? 1 : 0;
  const headPhrase = folded(tokens, from + det, from + head);
  let lastHeadEnd = functionHeadEnd(tokens, from + det, head - det) >= 0 ? i : -1;
  // Where a closed head or its qualifiers end (only qualifiers and names may follow), the run of
  // capitalised words of a proper name, and where a committee's head ends.
  let closedEnd = CLOSED_HEADS.has(headPhrase) ? i : -1;
  let capitalRun = 0;
  let committeeEnd = COMMITTEE_HEADS.has(headPhrase) ? i : -1;
  let depth = 0;
  for (; i < tokens.length && i - from < limit; i++) {
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
    // The grammar of names: qualifiers go on, a lower-case word after a closed name is the predicate.
    const continuation = nameContinuation(tokens, i, i === closedEnd, capitalRun);
    if (continuation > 0) {
      // Qualifiers extend a closed name ("Ủy ban nhân dân cấp tỉnh, cấp xã"), not an open one.
      if (i === closedEnd || capitalRun >= 2) closedEnd = i + continuation;
      capitalRun = 0;
      i += continuation - 1;
      continue;
    }
    if (continuation < 0 && !(i === lastHeadEnd && phraseAt(tokens, i, NAME_VERB_LIST))) {
      return make(text, tokens, from, i, 'subject');
    }
    if (isGrantVerb(tokens, i)) return make(text, tokens, from, i, 'subject');
    // A new head inside the subject ("… và Ban Quản lý …", "Trưởng Ban xây dựng Đảng").
    const h = isCapitalised(t) || /^(?:các|và)$/u.test(t.folded) ? 0 : phraseAt(tokens, i, HEADS);
    if (h && !AMBIGUOUS_HEADS.has(folded(tokens, i, i + h))) {
      lastHeadEnd = functionHeadEnd(tokens, i, h);
      closedEnd = CLOSED_HEADS.has(folded(tokens, i, i + h)) ? i + h : -1;
      capitalRun = 0;
      i += h - 1;
      continue;
    }
    if (isCapitalised(t)) {
      const ch = phraseAt(tokens, i, HEADS);
      lastHeadEnd = ch ? functionHeadEnd(tokens, i, ch) : -1;
      closedEnd = ch && CLOSED_HEADS.has(folded(tokens, i, i + ch)) ? i + ch : -1;
      capitalRun = ch ? 0 : capitalRun + 1;
      if (i === committeeEnd && !ch) committeeEnd = i + 1;
      if (ch) i += ch - 1;
      continue;
    }
    capitalRun = 0;
    // "nòng cốt là", "nhất là": inside the subject.
    if (t.folded === 'là' && /^(?:cốt|nhất|biệt)$/u.test(prev.folded)) continue;
    const verb = /^(?:các|những|mỗi|từng)$/u.test(prev.folded) ? 0 : phraseAt(tokens, i, VERBS);
    if (verb) {
      const phrase = folded(tokens, i, i + verb);
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
      // "Ban Chỉ đạo thực hiện chính sách … chủ trì": the committee's purpose is part of its name.
      if (i === committeeEnd && (phrase === 'thực hiện' || phrase === 'triển khai')) {
        const predicate = committeePredicate(tokens, i, verb);
        if (predicate > 0) return make(text, tokens, from, predicate, 'subject');
      }
      return make(text, tokens, from, i, 'subject');
    }
    const breaker = phraseAt(tokens, i, BREAKERS);
    if (breaker) {
      const phrase = folded(tokens, i, i + breaker);
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
  // "Giao Giám đốc Sở Giáo dục và Đào tạo" (a heading over the duties it assigns): the body ends the text.
  if (!requireCase && i === tokens.length && i - from > head) return make(text, tokens, from, i, 'subject');
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
  // "Trách nhiệm của Sở Xây dựng", "Nhiệm vụ của UBND cấp xã", "Đối với Sở Tài chính": the body named.
  const text = clean(heading)
    .replace(/[:\s]+$/u, '')
    .replace(/^(?:(?:trách nhiệm|nhiệm vụ)(?:\s+(?:của|cho))?|đối với)\s+(?=\S)/iu, '');
  if (!text || /[.!?]$/u.test(text)) return null;
  const tokens = tokenize(text);
  if (tokens.length > 24) return null;
  if (!headAt(tokens, 0, true)) return null;
  if (/:\s*\S/u.test(text)) return null;
  // "Ban Chỉ đạo thực hiện chính sách …": a committee's purpose is part of its name.
  const head = headAt(tokens, 0, true);
  const purpose =
    COMMITTEE_HEADS.has(folded(tokens, 0, head)) && phraseAt(tokens, head, ['thực hiện', 'triển khai'])
      ? tokens[head + 1]?.start
      : undefined;
  if (
    /(?<![\p{L}])(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|thực hiện|triển khai|tổ chức thực hiện)(?![\p{L}])/iu.test(
      text.slice(purpose ?? tokens[1]?.start ?? 0),
    )
  ) {
    // "Các sở, ban, ngành và các đơn vị khác có liên quan" has none; "Sở X chủ trì …" is a sentence.
    return null;
  }
  return text;
}

const COORDINATION =
  /(?:^|[\s,;(])(?:phối hợp|phối hợp chặt chẽ|phối hợp thực hiện)\s*(?:với|cùng)\s+|(?:^|[\s,;(])phối hợp\s*:\s*|(?:^|[\s,;(])(phối hợp)\s+(?=\S)/giu;

/** Bodies named after "phối hợp với" (or "phối hợp" right before a named body), each mention, in groups. */
export function findCoordinators(input: string): string[] {
  const text = clean(input);
  const out: string[] = [];
  for (const m of matchesOf(COORDINATION, text)) {
    const start = m.index + m[0].length;
    // "Phối hợp Sở Y tế, …": without "với", only a capitalised body makes coordinators.
    if (m[1] && !headAt(tokenize(text.slice(start)), 0, true)) continue;
    const span = coordinationSpan(text.slice(start));
    for (const group of splitBodies(span)) if (!out.includes(group)) out.push(group);
  }
  return out;
}

function coordinationSpan(text: string): string {
  const tokens = tokenize(text);
  let depth = 0;
  let lastHeadEnd = -1;
  let closedEnd = -1;
  let capitalRun = 0;
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
    const afterComma = prev !== undefined && /,$/u.test(prev.text);
    // The grammar of names: qualifiers go on, a lower-case word after a closed name ends the list.
    const continuation = nameContinuation(tokens, i, i === closedEnd, capitalRun);
    if (continuation > 0) {
      if (i === closedEnd || capitalRun >= 2) closedEnd = i + continuation;
      capitalRun = 0;
      i += continuation - 1;
      continue;
    }
    if (continuation < 0 && prev && !afterComma) return text.slice(0, prev.end);
    if (i > 0 && isGrantVerb(tokens, i) && !afterComma) return text.slice(0, prev!.end);
    // Names: capitalised words, heads ("chủ đầu tư", "cơ quan") and the verbs that name them ("cơ quan chủ trì").
    if (isCapitalised(t)) {
      const h = phraseAt(tokens, i, HEADS);
      lastHeadEnd = -1;
      closedEnd = h && CLOSED_HEADS.has(folded(tokens, i, i + h)) ? i + h : -1;
      capitalRun = h ? 0 : capitalRun + 1;
      if (h) {
        lastHeadEnd = functionHeadEnd(tokens, i, h);
        i += h - 1;
      }
      continue;
    }
    capitalRun = 0;
    const head = phraseAt(tokens, i, HEADS);
    if (head) {
      const phrase = folded(tokens, i, i + head);
      if (
        !VERBS.includes(phrase) ||
        (prev && /^(?:các|những|mỗi|từng)$/u.test(prev.folded)) ||
        /,$/u.test(prev?.text ?? '')
      ) {
        lastHeadEnd = functionHeadEnd(tokens, i, head);
        closedEnd = CLOSED_HEADS.has(phrase) ? i + head : -1;
        i += head - 1;
        continue;
      }
    }
    if (i === 0) continue;
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
  // A list cut short ("Hội Nông dân và") keeps what it names.
  const text = clean(input).replace(/(?:\s*[.;:,]|\s+(?:và|cùng|hoặc))+$/u, '');
  if (!text) return [];
  const pieces: string[] = [];
  const re = /\s*(?:,|;|\s+và\s+|\s+cùng\s+)\s*/gu;
  let last = 0;
  const separators: string[] = [];
  for (const m of matchesOf(re, text)) {
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
