// `* as z`, not `{ z }`: bundlers then keep only the members used, not zod's 60-odd locales (browser-bundle.test.ts).
import * as z from 'zod';

/*
 * The plan model: the typed form of a Vietnamese administrative document (Kế hoạch, Nghị quyết, Chỉ thị,
 * Quyết định …) that the structure parser produces and that gold annotations are written in.
 *
 * Conventions shared by the parser, the gold and the evaluation (see README.md and fixtures/gold/README.md):
 * - Text is NFC. A paragraph's text is its printed lines joined with single spaces, whitespace collapsed;
 *   bullet markers (`-`, `+`, `*`) stay at the start of `paragraphs` entries as printed.
 * - Only numbered or lettered headings (`I.`, `1.`, `2.1.`, `a)`, `Chương I`, `Điều 5` …) make section
 *   nodes. Bullets are paragraphs of the node above them.
 * - A section id is the parent's id, a dot, and the node's key (see `sectionKey`): `III`, `III.3`,
 *   `III.3.1` (for "3.1." under "3." under "III."), `III.2.a`.
 * - Locations (`section` of tasks, targets and references) are a section id or one of: `title`, `summary`,
 *   `preamble`, `closing`, a footnote id `fn<mark>`, an appendix id `PL<n>` or an id inside an appendix.
 */

// ---------------------------------------------------------------------------------------------------------
// Document types, numbers and dates

/** Kinds of documents, for the document itself and for the documents it cites. */
export const DocTypeCode = z.enum([
  'hien-phap',
  'bo-luat',
  'luat',
  'phap-lenh',
  'nghi-quyet',
  'nghi-quyet-lien-tich',
  'nghi-dinh',
  'quyet-dinh',
  'chi-thi',
  'thong-tu',
  'thong-tu-lien-tich',
  'ket-luan',
  'quy-dinh',
  'quy-che',
  'thong-tri',
  'huong-dan',
  'ke-hoach',
  'chuong-trinh',
  'de-an',
  'phuong-an',
  'du-an',
  'thong-bao',
  'thong-cao',
  'bao-cao',
  'to-trinh',
  'cong-van',
  'cong-dien',
  'bien-ban',
  'giay-moi',
  'khac',
]);
export type DocTypeCode = z.infer<typeof DocTypeCode>;

/**
 * Name and the type abbreviations used in document numbers (Nghị định 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW,
 * Luật Ban hành văn bản quy phạm pháp luật). A State công văn carries no type abbreviation ("1289/UBND-TH"),
 * a Party one carries CV ("123-CV/TU").
 */
export const DOC_TYPES: Readonly<Record<DocTypeCode, { name: string; abbreviations: readonly string[] }>> = {
  'hien-phap': { name: 'Hiến pháp', abbreviations: [] },
  'bo-luat': { name: 'Bộ luật', abbreviations: [] },
  luat: { name: 'Luật', abbreviations: [] },
  'phap-lenh': { name: 'Pháp lệnh', abbreviations: ['PL'] },
  'nghi-quyet': { name: 'Nghị quyết', abbreviations: ['NQ'] },
  'nghi-quyet-lien-tich': { name: 'Nghị quyết liên tịch', abbreviations: ['NQLT'] },
  'nghi-dinh': { name: 'Nghị định', abbreviations: ['NĐ'] },
  'quyet-dinh': { name: 'Quyết định', abbreviations: ['QĐ'] },
  'chi-thi': { name: 'Chỉ thị', abbreviations: ['CT'] },
  'thong-tu': { name: 'Thông tư', abbreviations: ['TT'] },
  'thong-tu-lien-tich': { name: 'Thông tư liên tịch', abbreviations: ['TTLT'] },
  'ket-luan': { name: 'Kết luận', abbreviations: ['KL'] },
  'quy-dinh': { name: 'Quy định', abbreviations: ['QĐi', 'QyĐ'] },
  'quy-che': { name: 'Quy chế', abbreviations: ['QC'] },
  'thong-tri': { name: 'Thông tri', abbreviations: ['TT'] },
  'huong-dan': { name: 'Hướng dẫn', abbreviations: ['HD'] },
  'ke-hoach': { name: 'Kế hoạch', abbreviations: ['KH'] },
  'chuong-trinh': { name: 'Chương trình', abbreviations: ['CTr'] },
  'de-an': { name: 'Đề án', abbreviations: ['ĐA'] },
  'phuong-an': { name: 'Phương án', abbreviations: ['PA'] },
  'du-an': { name: 'Dự án', abbreviations: ['DA'] },
  'thong-bao': { name: 'Thông báo', abbreviations: ['TB'] },
  'thong-cao': { name: 'Thông cáo', abbreviations: ['TC'] },
  'bao-cao': { name: 'Báo cáo', abbreviations: ['BC'] },
  'to-trinh': { name: 'Tờ trình', abbreviations: ['TTr'] },
  'cong-van': { name: 'Công văn', abbreviations: ['CV'] },
  'cong-dien': { name: 'Công điện', abbreviations: ['CĐ'] },
  'bien-ban': { name: 'Biên bản', abbreviations: ['BB'] },
  'giay-moi': { name: 'Giấy mời', abbreviations: ['GM'] },
  khac: { name: 'Khác', abbreviations: [] },
};

/** The type of a document: a code, and the words naming it as printed ("KẾ HOẠCH", "Nghị quyết", "Văn bản"). */
export const DocType = z.object({
  code: DocTypeCode,
  /** As printed: the title word(s) for the document itself, the type word(s) for a cited document. */
  label: z.string().min(1),
});
export type DocType = z.infer<typeof DocType>;

/** Which drafting rules the document follows. */
export const Regime = z.enum([
  /** Party documents (Hướng dẫn 36-HD/VPTW): "Số 36-NQ/TW", "ĐẢNG CỘNG SẢN VIỆT NAM", "T/M". */
  'party',
  /** State administrative documents (Nghị định 30/2020/NĐ-CP), also used by the Front and mass organisations. */
  'state',
  /** Legal normative documents: the number carries the year ("30/2020/NĐ-CP"). */
  'legal-normative',
]);
export type Regime = z.infer<typeof Regime>;

/**
 * A document number (số, ký hiệu). `raw` is the printed number without the word "Số"/"số" and its colon
 * ("36-NQ/TW", "134 /KH-UBND", "/KH-SCT"); the rest is parsed from it, best effort (null when absent).
 */
export const DocNumber = z.object({
  raw: z.string().min(1),
  /** The number itself as a string ("05", "134", "21.4"); null when left blank in an unsigned draft. */
  number: z.string().min(1).nullable(),
  /** Year printed inside the number ("30/2020/NĐ-CP" → 2020). */
  year: z.number().int().min(1900).max(2200).nullable(),
  /** The ký hiệu after the number (and year): "NQ/TW", "KH-UBND", "NĐ-CP", "KH-MTTQ-BTT". */
  symbol: z.string().min(1).nullable(),
  /** Type abbreviation ("NQ", "KH", "NĐ", "NQLT"); null when the number carries none (công văn, some laws). */
  type: z.string().min(1).nullable(),
  /** Issuer abbreviations in printed order: ["TW"], ["UBND"], ["MTTQ", "BTT"], ["UBND", "TH"], ["QH15"]. */
  issuers: z.array(z.string().min(1)),
});
export type DocNumber = z.infer<typeof DocNumber>;

const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** `2026`, `2026-04`, `2026-04-29` (year, month or day precision). */
const PARTIAL_ISO = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
/** Partial ISO date, a time (`2026-04-29T13:30`), a quarter (`2026-Q4`) or a half year (`2026-H1`). */
const PERIOD_ISO =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d)?)?|-Q[1-4]|-H[12])?$/;

function isRealDay(iso: string): boolean {
  const match = ISO_DAY.exec(iso.slice(0, 10));
  if (!match) return true;
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const PartialIsoDate = z
  .string()
  .regex(PARTIAL_ISO, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealDay, { message: 'no such day' });

/** `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, `YYYY-Qn` or `YYYY-Hn`. */
export const IsoPeriod = z
  .string()
  .regex(PERIOD_ISO, 'expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM, YYYY-Qn or YYYY-Hn')
  .refine(isRealDay, { message: 'no such day' });

/**
 * A date as printed ("ngày 26 tháng 3 năm 2026", "ngày  tháng 4 năm 2026", "30/01/2023") and its ISO form,
 * as precise as the print: `2026-03-26`, `2026-04` when the day is blank, null when everything is blank.
 */
export const PartialDate = z.object({
  raw: z.string().min(1),
  iso: PartialIsoDate.nullable(),
});
export type PartialDate = z.infer<typeof PartialDate>;

// ---------------------------------------------------------------------------------------------------------
// Header

export const PlanIssuer = z.object({
  /** The issuer lines of the header as printed, top to bottom: ["UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG"],
   *  ["ĐẢNG BỘ TỈNH BẮC GIANG", "TỈNH ỦY"]. Empty when the header is missing. */
  chain: z.array(z.string().min(1)),
  /** The issuing body: the last line, joined with the line above when it only completes the name
   *  ("ỦY BAN NHÂN DÂN" / "TỈNH LÀO CAI" → "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"). Null when unknown. */
  name: z.string().min(1).nullable(),
});
export type PlanIssuer = z.infer<typeof PlanIssuer>;

// ---------------------------------------------------------------------------------------------------------
// Sections

export const SectionKind = z.enum([
  /** `I.`, `I-`, `II.` */
  'roman',
  /** `1.`, `1)`, `1-` */
  'arabic',
  /** `1.1.`, `2.1.3.` */
  'decimal',
  /** `a)`, `a.`, `b-` */
  'letter',
  /** `Phần I` */
  'part',
  /** `Chương II` */
  'chapter',
  /** `Mục 1` (in laws) */
  'section',
  /** `Điều 5.` */
  'article',
  /** `Khoản 1` when printed as a word (usually clauses are printed `1.` and are `arabic`) */
  'clause',
  /** `Điểm a` when printed as a word */
  'point',
  'other',
]);
export type SectionKind = z.infer<typeof SectionKind>;

export const PlanSection = z.object({
  /** Path of keys from the root: `III`, `III.3`, `III.3.1`, `III.2.a`. A repeated key gets `~2`, `~3`. */
  id: z.string().min(1),
  /** The number as printed, with its punctuation: "III-", "I.", "3.1.", "a)", "Điều 5.". */
  number: z.string().min(1),
  kind: SectionKind,
  /** The rest of the numbered paragraph after the number, as printed (may be a long sentence). */
  heading: z.string(),
  /** Paragraphs directly under the heading, before the first child; bullets included, markers kept. */
  paragraphs: z.array(z.string()),
  /** 1-based line of the heading in the source text, when known. */
  line: z.number().int().positive().optional(),
  get children(): z.ZodArray<typeof PlanSection> {
    return z.array(PlanSection);
  },
});
export type PlanSection = {
  id: string;
  number: string;
  kind: SectionKind;
  heading: string;
  paragraphs: string[];
  line?: number | undefined;
  children: PlanSection[];
};

// ---------------------------------------------------------------------------------------------------------
// References, targets, tasks

export const PlanReference = z.object({
  docType: DocType,
  /** Null for documents cited by name only (laws, the Constitution). */
  number: DocNumber.nullable(),
  date: PartialDate.nullable(),
  /** The issuing body as printed ("Bộ Chính trị", "Chính phủ", "UBND tỉnh Lào Cai"); null when not given. */
  issuer: z.string().min(1).nullable(),
  /** The document's name when it is cited by name ("Luật Bầu cử đại biểu Quốc hội và …"). */
  name: z.string().min(1).nullable(),
  /** The citation as printed at its first mention: type word through number, date and issuer. */
  text: z.string().min(1),
  /** Location of the first mention (section id, `title`, `summary`, `preamble`, `closing`, `fn1`, `PL1` …). */
  section: z.string().min(1),
  line: z.number().int().positive().optional(),
});
export type PlanReference = z.infer<typeof PlanReference>;

export const Comparator = z.enum(['>=', '>', '<=', '<', '=', 'top', 'approx']);
export type Comparator = z.infer<typeof Comparator>;

/** A quantified goal: "đóng góp từ 10% trở lên vào tăng trưởng GRDP", "nhóm 03 tỉnh đứng đầu", "100% …". */
export const PlanTarget = z.object({
  /** The sentence stating the goal, as printed. */
  text: z.string().min(1),
  /** Year by which the goal is to be met (from the goal, its heading or the plan's title). */
  horizon: z.number().int().min(1900).max(2200).nullable(),
  /** What is measured, in the document's words. */
  metric: z.string().min(1).nullable(),
  comparator: Comparator.nullable(),
  /** `top` with value 3 means "among the first 3". */
  value: z.number().nullable(),
  unit: z.string().min(1).nullable(),
  section: z.string().min(1),
  line: z.number().int().positive().optional(),
});
export type PlanTarget = z.infer<typeof PlanTarget>;

export const DeadlineKind = z.enum([
  /** At a moment: "13h30’ ngày 29/4/2026". */
  'on',
  /** Before: "trước ngày 15/3/2024", "chậm nhất ngày …", "xong trước …". */
  'by',
  /** During a period: "trong tháng 02/2024", "trong quý I/2024", "hoàn thành trong năm 2026". */
  'within',
  /** Starting at: "từ ngày 02/6/2026". */
  'from',
  /** After: "sau ngày bầu cử 15/3/2026". */
  'after',
  /** Between two dates: "từ ngày 01/12/2025 đến ngày 14/12/2025" (`iso` is the start, `end` the end). */
  'range',
  /** Tied to an event, no date: "từ khi thành lập đến khi kết thúc nhiệm vụ". */
  'relative',
]);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

/**
 * When a task is due. `iso` is the moment or period meant (`2024-03-15`, `2024-02`, `2024-Q1`, `2026`,
 * `2026-04-29T13:30`); for `range` it is the start and `end` the end. Null when the text gives no date.
 */
export const Deadline = z.object({
  /** The time expression as printed, from its preposition ("trong quý IV năm 2026", "trước ngày 20 hằng tháng"). */
  raw: z.string().min(1),
  kind: DeadlineKind,
  iso: IsoPeriod.nullable(),
  end: IsoPeriod.nullable(),
});
export type Deadline = z.infer<typeof Deadline>;

export const RecurrenceKind = z.enum([
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'semiannual',
  'annual',
  /** "định kỳ" without a period */
  'periodic',
  /** "thường xuyên" */
  'continuous',
  /** "đột xuất", "khi có yêu cầu" */
  'on-demand',
]);
export type RecurrenceKind = z.infer<typeof RecurrenceKind>;

export const Recurrence = z.object({
  /** As printed: "hằng năm", "định kỳ 6 tháng", "thường xuyên", "hằng tháng". */
  raw: z.string().min(1),
  kind: RecurrenceKind,
});
export type Recurrence = z.infer<typeof Recurrence>;

export const LeadSource = z.enum(['stated', 'inherited', 'none']);
export type LeadSource = z.infer<typeof LeadSource>;

/**
 * Who does what by when. One task is one paragraph (a bullet, a numbered item, a table row) that assigns
 * work; a paragraph is split only where a new sentence names another body as its subject. Tasks are
 * identified by `section` plus normalised `text` (see `normalizeForMatch`).
 */
export const PlanTask = z.object({
  /** The task as printed: the paragraph (or sentence) without its bullet marker. */
  text: z.string().min(1),
  /** The body the task is assigned to, as printed ("Sở Công Thương", "UBND cấp xã"); from the sentence's
   *  subject, the "Giao X" clause or the heading naming the body. Null when the text names none. */
  lead: z.string().min(1).nullable(),
  /** How the lead was found: `stated` in the task's own text or table row, `inherited` from a heading, an
   *  introductory line, a responsibility line or an item's "Cơ quan chủ trì" field, `none` when no body is
   *  named for it (then `lead` is null: an action nobody owns yet, the first thing staff must assign).
   *  Optional only so plans stored before it existed still read. */
  leadSource: LeadSource.optional(),
  /** Bodies named after "phối hợp với" (or "phối hợp:"), one entry per body or group as a reader lists them. */
  coordinators: z.array(z.string().min(1)),
  deadline: Deadline.nullable(),
  recurrence: Recurrence.nullable(),
  /** What the task delivers, when the plan states it ("Sản phẩm: Quyết định của UBND tỉnh"). */
  product: z.string().min(1).nullable().optional(),
  /** Location of the task: the id of the section whose paragraphs (or heading) hold it. */
  section: z.string().min(1),
  line: z.number().int().positive().optional(),
});
export type PlanTask = z.infer<typeof PlanTask>;

// ---------------------------------------------------------------------------------------------------------
// Closing parts

export const RecipientPurpose = z.enum([
  /** "(báo cáo)", "(để b/c)", "(B/c)" */
  'report',
  /** "(t/h)", "(thực hiện)", "(để thực hiện)" */
  'execute',
  /** "(phối hợp)", "(p/h)" */
  'coordinate',
  /** "(để biết)", "(để theo dõi)" */
  'inform',
  /** The "Lưu: VT, …" line */
  'archive',
]);
export type RecipientPurpose = z.infer<typeof RecipientPurpose>;

/** One "Nơi nhận" entry (a line, or a part of a line split at ";"). */
export const PlanRecipient = z.object({
  /** Without the dash, the marker and the final punctuation; for the archive line, what follows "Lưu:". */
  name: z.string().min(1),
  /** The parenthesised marker without its parentheses, as printed: "báo cáo", "B/c", "T/h". */
  marker: z.string().min(1).nullable(),
  purpose: RecipientPurpose.nullable(),
});
export type PlanRecipient = z.infer<typeof PlanRecipient>;

export const AuthorityPrefix = z.enum(['TM', 'KT', 'TL', 'TUQ', 'Q']);
export type AuthorityPrefix = z.infer<typeof AuthorityPrefix>;

export const PlanSignature = z.object({
  /** Authority lines top to bottom: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" → [{TM, ỦY BAN NHÂN DÂN}, {KT, CHỦ TỊCH}].
   *  "T/M" is `TM`. Empty when the signer signs in their own right. */
  authority: z.array(z.object({ prefix: AuthorityPrefix, of: z.string().min(1) })),
  /** The signer's title: "PHÓ CHỦ TỊCH", "PHÓ BÍ THƯ". */
  title: z.string().min(1).nullable(),
  /** The signer's name; null in unsigned drafts. */
  name: z.string().min(1).nullable(),
  /** All lines of the signature block as printed. */
  lines: z.array(z.string().min(1)),
});
export type PlanSignature = z.infer<typeof PlanSignature>;

/** Material after the signature ("Phụ lục", "PHÂN CÔNG NHIỆM VỤ …", "(Kèm theo Kế hoạch số …)"). */
export const PlanAppendix = z.object({
  /** `PL1`, `PL2` … in order of appearance; ids of its sections start with it (`PL1.I`). */
  id: z.string().regex(/^PL\d+$/),
  title: z.string().min(1),
  /** The "(Kèm theo …)" line, when printed. */
  note: z.string().min(1).nullable(),
  /** Paragraphs (table cells flattened to lines stay one per entry) before the first section. */
  paragraphs: z.array(z.string()),
  sections: z.array(PlanSection),
});
export type PlanAppendix = z.infer<typeof PlanAppendix>;

export const PlanFootnote = z.object({
  /** The mark as printed in the text without brackets: "1" for "[1]". Its location id is `fn1`. */
  mark: z.string().min(1),
  text: z.string().min(1),
});
export type PlanFootnote = z.infer<typeof PlanFootnote>;

/** A parser diagnostic: text it could not place, a number it could not parse … */
export const PlanMessage = z.object({
  /** Stable rule name, e.g. `unplaced-text`, `number-unparsed`. */
  ruleId: z.string().min(1),
  reason: z.string().min(1),
  line: z.number().int().positive().optional(),
  text: z.string().optional(),
});
export type PlanMessage = z.infer<typeof PlanMessage>;

// ---------------------------------------------------------------------------------------------------------
// The plan

const PlanObject = z.object({
  type: z.literal('plan'),
  /** Name of the input (a file path or a label); informative only. */
  source: z.string(),
  docType: DocType,
  regime: Regime,
  issuer: PlanIssuer,
  /** Null when the document prints no number line; a blank number is a DocNumber with `number: null`. */
  number: DocNumber.nullable(),
  /** Place of the date line ("Lào Cai", "Hà Nội"). */
  place: z.string().min(1).nullable(),
  /** Null when there is no date line. */
  date: PartialDate.nullable(),
  /** Title line(s) as printed ("KẾ HOẠCH"); null for documents without one (công văn). */
  title: z.string().min(1).nullable(),
  /** Trích yếu: the subject lines under the title (or "V/v …"), joined. */
  summary: z.string().min(1).nullable(),
  /** Opening paragraphs before the first numbered heading ("Căn cứ …", "Thực hiện …", "Xét đề nghị …"). */
  preamble: z.array(z.string()),
  sections: z.array(PlanSection),
  /** Paragraphs after the body and before "Nơi nhận" ("Trên đây là Kế hoạch …"). */
  closing: z.array(z.string()),
  /** Every cited document, once each, in order of first mention. */
  references: z.array(PlanReference),
  /** Indices into `references` of the documents this one carries out ("Thực hiện …", "Triển khai …"). */
  implements: z.array(z.number().int().nonnegative()),
  targets: z.array(PlanTarget),
  tasks: z.array(PlanTask),
  recipients: z.array(PlanRecipient),
  /** Null when the document has no signature block. */
  signature: PlanSignature.nullable(),
  appendices: z.array(PlanAppendix),
  footnotes: z.array(PlanFootnote),
  messages: z.array(PlanMessage),
});

const FIXED_LOCATIONS = new Set(['title', 'summary', 'preamble', 'closing']);

/** Every section id of a plan, in document order (appendix sections included). */
export function planSectionIds(plan: Pick<Plan, 'sections' | 'appendices'>): string[] {
  const ids: string[] = [];
  const walk = (nodes: readonly PlanSection[]) => {
    for (const node of nodes) {
      ids.push(node.id);
      walk(node.children);
    }
  };
  walk(plan.sections);
  for (const appendix of plan.appendices) walk(appendix.sections);
  return ids;
}

export const Plan = PlanObject.superRefine((plan, ctx) => {
  const ids = planSectionIds(plan);
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id))
      ctx.addIssue({ code: 'custom', message: `duplicate section id ${id}`, path: ['sections'] });
    seen.add(id);
  }
  for (const appendix of plan.appendices) seen.add(appendix.id);
  for (const footnote of plan.footnotes) seen.add(`fn${footnote.mark}`);
  const check = (key: 'tasks' | 'targets' | 'references') => {
    plan[key].forEach((item, index) => {
      if (!FIXED_LOCATIONS.has(item.section) && !seen.has(item.section)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown location ${item.section}`,
          path: [key, index, 'section'],
        });
      }
    });
  };
  check('tasks');
  check('targets');
  check('references');
  plan.implements.forEach((index, i) => {
    if (index >= plan.references.length) {
      ctx.addIssue({ code: 'custom', message: `no reference ${index}`, path: ['implements', i] });
    }
  });
});
export type Plan = z.infer<typeof PlanObject>;

/** The JSON Schema (draft 2020-12) of a plan, for consumers outside TypeScript. */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Plan, { target: 'draft-2020-12' }) as Record<string, unknown>;
  // zod names the recursive section node `__schemaN`; give it its name.
  const defs = (schema.$defs ?? {}) as Record<string, { properties?: Record<string, unknown> }>;
  let json = JSON.stringify({ title: 'sohoa plan', ...schema });
  for (const [name, def] of Object.entries(defs)) {
    if (name.startsWith('__schema') && def.properties && 'children' in def.properties) {
      json = json
        .replaceAll(`"${name}"`, '"PlanSection"')
        .replaceAll(`/$defs/${name}"`, '/$defs/PlanSection"');
    }
  }
  return JSON.parse(json) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------------------
// Helpers shared by the parser and the evaluation

const ROMAN = /^[IVXLC]+$/;

/**
 * The key a section contributes to its id, from its printed number: "III-" → `III`, "3." → `3`,
 * "3.1." → `1` (under `III.3` that makes `III.3.1`), "a)" → `a`, "Chương II" → `CII`, "Mục 1" → `M1`,
 * "Điều 5." → `D5`, "Phần I" → `PI`, "Khoản 2" → `K2`, "Điểm a" → `Da`.
 */
const ORDINAL_WORDS = ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];

/** "thứ nhất" → "1" (parts numbered in words); anything else unchanged. */
function ordinalValue(token: string): string {
  const m = /^thứ\s+(\p{L}+)$/iu.exec(token);
  const at = m ? ORDINAL_WORDS.indexOf(m[1]!.toLowerCase()) : -1;
  return at >= 0 ? String(at + 1) : token;
}

export function sectionKey(number: string, kind: SectionKind): string {
  const text = number.normalize('NFC').trim();
  const token =
    ordinalValue(
      text
        .replace(/^(Phần|Chương|Mục|Điều|Khoản|Điểm)\s+/iu, '')
        .replace(/[.\-–):]+$/u, '')
        .trim(),
    ) || text;
  switch (kind) {
    case 'decimal': {
      const parts = token.split('.').filter(Boolean);
      return parts[parts.length - 1] ?? token;
    }
    case 'letter':
      return token.toLowerCase();
    case 'roman':
      return ROMAN.test(token.toUpperCase()) ? token.toUpperCase() : token;
    case 'part':
      return `P${token}`;
    case 'chapter':
      return `C${token}`;
    case 'section':
      return `M${token}`;
    case 'article':
      return `D${token}`;
    case 'clause':
      return `K${token}`;
    case 'point':
      return `D${token.toLowerCase()}`;
    default:
      return token;
  }
}

/**
 * Text as compared when matching a predicted item to a gold one: NFC, lower case, a leading bullet marker
 * dropped, punctuation other than inside words turned to spaces, whitespace collapsed.
 */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/^\s*[-+*•]\s*/u, '')
    .replace(/[^\p{L}\p{N}%/]+/gu, ' ')
    .trim();
}

/** Key identifying a cited document: its number without spaces (upper case), else its normalised name. */
export function referenceKey(reference: Pick<PlanReference, 'number' | 'name' | 'text'>): string {
  if (reference.number) return reference.number.raw.normalize('NFC').replace(/\s+/gu, '').toUpperCase();
  return normalizeForMatch(reference.name ?? reference.text);
}
