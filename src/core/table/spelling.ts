// Header and caption rules are written in Vietnamese, with their diacritics, so they read as the
// words they match and searching the sources for those words ("Cơ quan chủ trì", "Tổng cộng",
// "Phụ lục") finds them. The cells they test are folded first (`foldDiacritics`: lower case, no
// diacritics, đ → d), so each rule is folded the same way once, when it is made.

import { foldDiacritics } from '../text/normalize';

/** Characters outside ASCII: the only ones a rule's folding changes. */
const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * The rule `rule`, written with diacritics, as it applies to folded text: its letters outside
 * ASCII folded as a cell's are ("chủ trì" → "chu tri"); its ASCII, escapes such as `\s` and
 * `\b` included, left as written. Write the Vietnamese in lower case, as the text it meets is.
 */
export function foldedRule(rule: RegExp): RegExp {
  return new RegExp(
    rule.source.replace(NON_ASCII, (ch) => foldDiacritics(ch)),
    rule.flags,
  );
}
