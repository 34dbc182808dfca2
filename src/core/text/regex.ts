// Running a pattern over a text.

/**
 * The matches of a global pattern, as `text.matchAll(re)` gives them, without the copy of the
 * pattern `matchAll` makes on every call (the pattern's `lastIndex` is left at 0). For patterns
 * run on every cell of a plan.
 */
export function matches(text: string, re: RegExp): RegExpExecArray[] {
  if (!re.global) throw new TypeError('matches() needs a global pattern, as matchAll does');
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    found.push(m);
    // An empty match moves on by one character (a surrogate pair in a unicode pattern).
    if (m[0] === '') re.lastIndex += re.unicode && isPairAt(text, re.lastIndex) ? 2 : 1;
  }
  re.lastIndex = 0;
  return found;
}

function isPairAt(text: string, at: number): boolean {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
