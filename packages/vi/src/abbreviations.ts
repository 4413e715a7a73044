/**
 * The closed sets of abbreviations in Vietnamese document numbers ("Số: 15/QĐ-UBND",
 * "Số 36-NQ/TW", "30/2020/NĐ-CP"): document types and issuers. Closed sets make OCR damage
 * repairable ("36-NQ/7W" can only be "36-NQ/TW") and let the tokenizer accept mixed-case codes
 * such as TTg or CTr.
 *
 * Sources: Nghị định 30/2020/NĐ-CP Phụ lục III (state documents), Hướng dẫn 36-HD/VPTW (2018,
 * Party documents), Luật Ban hành văn bản quy phạm pháp luật (legal normative documents).
 */

/** Which document system uses the abbreviation. */
export type DocumentSystem = 'state' | 'party' | 'legal' | 'common';

export interface Abbreviation {
  readonly abbr: string;
  readonly meaning: string;
  readonly systems: readonly DocumentSystem[];
}

function entry(abbr: string, meaning: string, ...systems: DocumentSystem[]): Abbreviation {
  return Object.freeze({ abbr, meaning, systems: Object.freeze(systems) });
}

/** Document type abbreviations. One abbreviation may have several entries (TT: Thông tư / Thông tri). */
export const DOCUMENT_TYPES: readonly Abbreviation[] = Object.freeze([
  entry('NQ', 'Nghị quyết', 'state', 'party', 'legal'),
  entry('QĐ', 'Quyết định', 'state', 'party', 'legal'),
  entry('CT', 'Chỉ thị', 'state', 'party'),
  entry('QC', 'Quy chế', 'state', 'party'),
  entry('QyĐ', 'Quy định', 'state'),
  entry('QĐi', 'Quy định', 'party'),
  entry('KL', 'Kết luận', 'party'),
  entry('TC', 'Thông cáo', 'state'),
  entry('TB', 'Thông báo', 'state', 'party'),
  entry('TT', 'Thông tri', 'party'),
  entry('HD', 'Hướng dẫn', 'state', 'party'),
  entry('CTr', 'Chương trình', 'state', 'party'),
  entry('KH', 'Kế hoạch', 'state', 'party'),
  entry('PA', 'Phương án', 'state', 'party'),
  entry('ĐA', 'Đề án', 'state', 'party'),
  entry('DA', 'Dự án', 'state'),
  entry('BC', 'Báo cáo', 'state', 'party'),
  entry('BB', 'Biên bản', 'state', 'party'),
  entry('TTr', 'Tờ trình', 'state', 'party'),
  entry('HĐ', 'Hợp đồng', 'state'),
  entry('CĐ', 'Công điện', 'state'),
  entry('GN', 'Bản ghi nhớ', 'state'),
  entry('TTh', 'Bản thỏa thuận', 'state'),
  entry('GUQ', 'Giấy ủy quyền', 'state'),
  entry('UQ', 'Giấy ủy quyền', 'common'),
  entry('GM', 'Giấy mời', 'state', 'party'),
  entry('GGT', 'Giấy giới thiệu', 'state', 'party'),
  entry('GNP', 'Giấy nghỉ phép', 'state'),
  entry('NP', 'Giấy nghỉ phép', 'common'),
  entry('PG', 'Phiếu gửi', 'state'),
  entry('PC', 'Phiếu chuyển', 'state'),
  entry('PB', 'Phiếu báo', 'state'),
  entry('CV', 'Công văn', 'party', 'common'),
  entry('NĐ', 'Nghị định', 'legal'),
  entry('TT', 'Thông tư', 'legal'),
  entry('TTLT', 'Thông tư liên tịch', 'legal'),
  entry('NQLT', 'Nghị quyết liên tịch', 'legal'),
  entry('L', 'Lệnh', 'legal'),
  entry('PL', 'Pháp lệnh', 'legal'),
]);

/** Issuer abbreviations: Party bodies, state bodies, ministries, departments, mass organisations. */
export const ISSUERS: readonly Abbreviation[] = Object.freeze([
  // Party
  entry('TW', 'Trung ương (Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư)', 'party'),
  entry('VPTW', 'Văn phòng Trung ương Đảng', 'party'),
  entry('BTCTW', 'Ban Tổ chức Trung ương', 'party'),
  entry('BTGTW', 'Ban Tuyên giáo Trung ương', 'party'),
  entry('BTGDVTW', 'Ban Tuyên giáo và Dân vận Trung ương', 'party'),
  entry('BDVTW', 'Ban Dân vận Trung ương', 'party'),
  entry('BKTTW', 'Ban Kinh tế Trung ương', 'party'),
  entry('BNCTW', 'Ban Nội chính Trung ương', 'party'),
  entry('BĐNTW', 'Ban Đối ngoại Trung ương', 'party'),
  entry('UBKTTW', 'Ủy ban Kiểm tra Trung ương', 'party'),
  entry('ĐUQSTW', 'Đảng ủy Quân sự Trung ương', 'party'),
  entry('TU', 'Tỉnh ủy, Thành ủy', 'party'),
  entry('ThU', 'Thành ủy (thuộc tỉnh)', 'party'),
  entry('HU', 'Huyện ủy', 'party'),
  entry('QU', 'Quận ủy', 'party'),
  entry('ĐU', 'Đảng ủy', 'party'),
  entry('ĐUK', 'Đảng ủy khối', 'party'),
  entry('BCSĐ', 'Ban cán sự đảng', 'party'),
  entry('ĐĐ', 'Đảng đoàn', 'party'),
  entry('CB', 'Chi bộ', 'party'),
  entry('BCH', 'Ban Chấp hành', 'party', 'common'),
  entry('BTV', 'Ban Thường vụ', 'party', 'common'),
  entry('UBKT', 'Ủy ban Kiểm tra', 'party'),
  entry('BTC', 'Ban Tổ chức', 'party'),
  entry('BTG', 'Ban Tuyên giáo', 'party'),
  entry('BDV', 'Ban Dân vận', 'party'),
  entry('BNC', 'Ban Nội chính', 'party'),
  entry('BCĐ', 'Ban Chỉ đạo', 'party', 'state'),
  entry('VP', 'Văn phòng', 'party', 'state'),
  // Front and mass organisations
  entry('MTTQ', 'Mặt trận Tổ quốc', 'common'),
  entry('UBMTTQ', 'Ủy ban Mặt trận Tổ quốc', 'common'),
  entry('BTT', 'Ban Thường trực', 'common'),
  entry('TWĐTN', 'Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'common'),
  entry('ĐTN', 'Đoàn Thanh niên', 'common'),
  entry('HLHPN', 'Hội Liên hiệp Phụ nữ', 'common'),
  entry('HND', 'Hội Nông dân', 'common'),
  entry('HCCB', 'Hội Cựu chiến binh', 'common'),
  entry('LĐLĐ', 'Liên đoàn Lao động', 'common'),
  entry('TLĐ', 'Tổng Liên đoàn Lao động Việt Nam', 'common'),
  // State, central
  entry('QH', 'Quốc hội (with the term: QH15)', 'legal'),
  entry('UBTVQH', 'Ủy ban Thường vụ Quốc hội', 'legal'),
  entry('CTN', 'Chủ tịch nước', 'legal'),
  entry('CP', 'Chính phủ', 'state', 'legal'),
  entry('TTg', 'Thủ tướng Chính phủ', 'state', 'legal'),
  entry('VPCP', 'Văn phòng Chính phủ', 'state'),
  entry('TANDTC', 'Tòa án nhân dân tối cao', 'state', 'legal'),
  entry('VKSNDTC', 'Viện kiểm sát nhân dân tối cao', 'state', 'legal'),
  entry('KTNN', 'Kiểm toán nhà nước', 'state', 'legal'),
  entry('TTCP', 'Thanh tra Chính phủ', 'state'),
  entry('NHNN', 'Ngân hàng Nhà nước Việt Nam', 'state', 'legal'),
  entry('UBDT', 'Ủy ban Dân tộc', 'state'),
  // Ministries
  entry('BTC', 'Bộ Tài chính', 'state', 'legal'),
  entry('BNV', 'Bộ Nội vụ', 'state', 'legal'),
  entry('BCA', 'Bộ Công an', 'state', 'legal'),
  entry('BQP', 'Bộ Quốc phòng', 'state', 'legal'),
  entry('BNG', 'Bộ Ngoại giao', 'state', 'legal'),
  entry('BTP', 'Bộ Tư pháp', 'state', 'legal'),
  entry('BKHĐT', 'Bộ Kế hoạch và Đầu tư', 'state', 'legal'),
  entry('BCT', 'Bộ Công Thương', 'state', 'legal'),
  entry('BNNPTNT', 'Bộ Nông nghiệp và Phát triển nông thôn', 'state', 'legal'),
  entry('BNNMT', 'Bộ Nông nghiệp và Môi trường', 'state', 'legal'),
  entry('BGTVT', 'Bộ Giao thông vận tải', 'state', 'legal'),
  entry('BXD', 'Bộ Xây dựng', 'state', 'legal'),
  entry('BTNMT', 'Bộ Tài nguyên và Môi trường', 'state', 'legal'),
  entry('BTTTT', 'Bộ Thông tin và Truyền thông', 'state', 'legal'),
  entry('BLĐTBXH', 'Bộ Lao động - Thương binh và Xã hội', 'state', 'legal'),
  entry('BVHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch', 'state', 'legal'),
  entry('BKHCN', 'Bộ Khoa học và Công nghệ', 'state', 'legal'),
  entry('BGDĐT', 'Bộ Giáo dục và Đào tạo', 'state', 'legal'),
  entry('BYT', 'Bộ Y tế', 'state', 'legal'),
  entry('BDTTG', 'Bộ Dân tộc và Tôn giáo', 'state', 'legal'),
  // Local government
  entry('UBND', 'Ủy ban nhân dân', 'state', 'legal'),
  entry('HĐND', 'Hội đồng nhân dân', 'state', 'legal'),
  entry('SCT', 'Sở Công Thương', 'state'),
  entry('STC', 'Sở Tài chính', 'state'),
  entry('SNV', 'Sở Nội vụ', 'state'),
  entry('STP', 'Sở Tư pháp', 'state'),
  entry('SYT', 'Sở Y tế', 'state'),
  entry('SXD', 'Sở Xây dựng', 'state'),
  entry('SNG', 'Sở Ngoại vụ', 'state'),
  entry('SKHĐT', 'Sở Kế hoạch và Đầu tư', 'state'),
  entry('SGDĐT', 'Sở Giáo dục và Đào tạo', 'state'),
  entry('STNMT', 'Sở Tài nguyên và Môi trường', 'state'),
  entry('SGTVT', 'Sở Giao thông vận tải', 'state'),
  entry('SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn', 'state'),
  entry('SNNMT', 'Sở Nông nghiệp và Môi trường', 'state'),
  entry('SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'state'),
  entry('SLĐTBXH', 'Sở Lao động - Thương binh và Xã hội', 'state'),
  entry('SKHCN', 'Sở Khoa học và Công nghệ', 'state'),
  entry('STTTT', 'Sở Thông tin và Truyền thông', 'state'),
  // Units that sign công văn on behalf of an UBND office ("123/UBND-KT")
  entry('KT', 'Kinh tế', 'state'),
  entry('VX', 'Văn xã', 'state'),
  entry('KGVX', 'Khoa giáo - Văn xã', 'state'),
  entry('NC', 'Nội chính', 'state'),
  entry('TH', 'Tổng hợp', 'state'),
  entry('TCCB', 'Tổ chức cán bộ', 'state'),
]);

function index(entries: readonly Abbreviation[]): ReadonlyMap<string, readonly Abbreviation[]> {
  const map = new Map<string, Abbreviation[]>();
  for (const e of entries) {
    const list = map.get(e.abbr);
    if (list) list.push(e);
    else map.set(e.abbr, [e]);
  }
  return map;
}

const TYPE_INDEX = index(DOCUMENT_TYPES);
const ISSUER_INDEX = index(ISSUERS);

export const DOCUMENT_TYPE_ABBREVIATIONS: ReadonlySet<string> = new Set(TYPE_INDEX.keys());
export const ISSUER_ABBREVIATIONS: ReadonlySet<string> = new Set(ISSUER_INDEX.keys());

const NONE: readonly Abbreviation[] = Object.freeze([]);

/** Every document type an abbreviation can stand for (case-sensitive: "TTg" ≠ "TTG"). */
export function documentTypesOf(abbr: string): readonly Abbreviation[] {
  return TYPE_INDEX.get(abbr.normalize('NFC')) ?? NONE;
}

/** Every issuer an abbreviation can stand for (case-sensitive). */
export function issuersOf(abbr: string): readonly Abbreviation[] {
  return ISSUER_INDEX.get(abbr.normalize('NFC')) ?? NONE;
}

/** True for a known document type or issuer abbreviation. */
export function isKnownAbbreviation(abbr: string): boolean {
  const s = abbr.normalize('NFC');
  return TYPE_INDEX.has(s) || ISSUER_INDEX.has(s);
}
