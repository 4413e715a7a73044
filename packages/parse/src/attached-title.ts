// What starts a document attached after a decision's signature: the plan, programme or scheme it promulgates.

/** The type line of a document attached after the signature: the plan a decision promulgates. */
export const ATTACHED_TITLE =
  /^(?:KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|QUY CHẾ|QUY ĐỊNH|HƯỚNG DẪN|PHƯƠNG ÁN)(?:\s+(?:HÀNH ĐỘNG|CÔNG TÁC|THỰC HIỆN|TRIỂN KHAI)(?:\s+[\p{Lu}\s,]{0,60})?)?\s*$/u;
