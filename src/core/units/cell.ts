// A lead cell that is not a plain list of units (issue 11, class 4), read as a person would:
//   "Sở Tài chính chủ trì, phối hợp với Sở Tư pháp"  → lead Sở Tài chính, support Sở Tư pháp
//   "1. Bộ Tài chính (đối với …) 2. Bộ Tư pháp (…)" → two leads, each scope kept as a note
//   "Theo phân công tại Phụ lục I"                   → no unit: the cell names none
// Titles before a unit ("Chủ tịch UBND xã", "Thủ trưởng các sở") are dropped by `stripTitle`.

export interface LeadCell {
  /** The lead cell without what belongs elsewhere: one unit per line. */
  lead: string;
  /** Coordinating units named inside the lead cell ("…, phối hợp với Y"). */
  support: string;
  /** "Bộ Tài chính: đối với …" for each unit given with a scope. */
  scopes: string[];
  /** The cell points at another text instead of naming a unit. */
  byReference: boolean;
}

const REFERENCE = /^theo\s+(?:sự\s+)?(?:phân công|chức năng|thẩm quyền|quy định|lĩnh vực)/iu;
const LEAD_THEN_SUPPORT =
  /^(.+?)\s+(?:chủ trì|là cơ quan chủ trì)\s*[,;]?\s*(?:và\s+)?phối hợp\s+(?:với|cùng)\s+(.+)$/isu;
const LEAD_SUFFIX = /\s+chủ trì\s*[.;,]?$/iu;
/** "1. ", "2) " before a unit, at the start or after the end of the unit before. */
const NUMBERED = /(?:^|(?<=[\s;.)]))\d{1,2}\s*[.)]\s+(?=\p{Lu})/gu;
/** "(đối với …)", "(về …)", "(phần …)": the part of the task a unit answers for. */
const SCOPE = /\s*\(((?:đối với|về|phần|trong|lĩnh vực|nội dung|phạm vi|thuộc)\b[^()]*)\)/iu;

export function readLeadCell(cell: string): LeadCell {
  const text = cell.trim();
  if (REFERENCE.test(text)) return { lead: '', support: '', scopes: [], byReference: true };
  let lead = text;
  let support = '';
  const both = LEAD_THEN_SUPPORT.exec(text);
  if (both) {
    lead = both[1]!;
    support = both[2]!.replace(/[.;]+$/u, '');
  } else {
    lead = lead.replace(LEAD_SUFFIX, '');
  }
  // Numbered units become one per line; their scopes move to the note.
  const numbered = (lead.match(NUMBERED) ?? []).length >= 2;
  const pieces = numbered
    ? lead
        .split(NUMBERED)
        .map((p) => p.trim())
        .filter((p) => p !== '')
    : [lead];
  const scopes: string[] = [];
  const names = pieces.map((piece) => {
    const scope = SCOPE.exec(piece);
    if (!scope) return piece;
    const name = piece.replace(SCOPE, '').replace(/[;,.\s]+$/u, '');
    scopes.push(`${name}: ${scope[1]!.trim()}`);
    return name;
  });
  return { lead: names.join('\n'), support, scopes, byReference: false };
}

const TITLES =
  '(?:Phó\\s+)?Chủ tịch|Lãnh đạo|Thủ trưởng|Người đứng đầu|(?:Phó\\s+)?Giám đốc|(?:Phó\\s+)?Trưởng ban|Bí thư';
const UNIT_AFTER_TITLE = new RegExp(
  `^(?:${TITLES})\\s+(?=(?:UBND|Ủy ban|Uỷ ban|HĐND|Sở|Phòng|Ban|Văn phòng|Trung tâm|Công an|Bộ|các|Các)(?![\\p{L}\\p{N}]))`,
  'u',
);

/** "Chủ tịch UBND xã" → "UBND xã"; "Thủ trưởng các sở, ngành" → "Các sở, ngành". */
export function stripTitle(name: string): string {
  if (!UNIT_AFTER_TITLE.test(name)) return name;
  const rest = name.replace(UNIT_AFTER_TITLE, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
