// Collective phrases name many bodies ("Các Sở, Ban, ngành", "UBND các xã, phường",
// "UBND cấp huyện"); a named body is one unit ("Sở Nội vụ", "Văn phòng UBND tỉnh").

import { cleanUnitName } from './text';

const KINDS =
  'cơ quan|đơn vị|sở|phòng|ban|ngành|tổ chức|đoàn thể|địa phương|trường|hội|bộ|doanh nghiệp|chi cục|cục|trung tâm|lực lượng';
const LEVELS =
  'thị xã|thị trấn|thành phố|huyện|quận|xã|phường|tỉnh|thôn|tổ dân phố|khu phố|ấp|bản|cấp';
const END = '(?![\\p{L}\\p{N}])';

/** Starts with a plural: "Các …", "Những …", "Toàn bộ …", "Tất cả …". */
const PLURAL_START = /^(?:các|những|toàn bộ|tất cả|mọi)\s/iu;
/** "UBND các xã", "Thủ trưởng các phòng", "Chủ tịch UBND các huyện". */
const INNER_CAC = new RegExp(`\\scác\\s+(?:${KINDS}|${LEVELS})${END}`, 'iu');
/** "UBND cấp huyện", "Bộ phận một cửa cấp xã" (one per district/commune). "cấp tỉnh" is one body. */
const LOWER_LEVEL = new RegExp(
  `(?<![\\p{L}\\p{N}])cấp\\s+(?:huyện|xã|quận|phường|thôn|cơ sở)${END}`,
  'iu',
);
/** A list of levels: "UBND xã, phường"; "Bộ phận … xã, phường"; "UBND cấp huyện, cấp xã". */
const LEVEL_LIST = new RegExp(`(?:,|\\svà)\\s*(?:cấp\\s+)?(?:${LEVELS})(?=\\s*(?:,|\\(|$))`, 'iu');
/** "… (có) liên quan": "Đơn vị liên quan", "cơ quan có liên quan". */
const RELATED = /liên quan$/iu;
/** A bare list of kinds: "Sở, ban, ngành"; "Ban, ngành, đoàn thể". */
const KIND_LIST = new RegExp(`^(?:${KINDS})\\s*,\\s*(?:${KINDS})${END}`, 'iu');

/**
 * True for a collective phrase naming many bodies; false for one named body. Decisions:
 * "UBND cấp huyện" / "UBND cấp xã" / "UBND các huyện" / "UBND xã, phường" are groups (one body
 * per district or commune); "Trung tâm PVHCC cấp tỉnh" is not (a province has one).
 */
export function isGroup(name: string): boolean {
  const s = cleanUnitName(name);
  if (s === '') return false;
  return (
    PLURAL_START.test(s) ||
    INNER_CAC.test(s) ||
    LOWER_LEVEL.test(s) ||
    LEVEL_LIST.test(s) ||
    RELATED.test(s) ||
    KIND_LIST.test(s)
  );
}
