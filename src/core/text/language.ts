// The languages PhuLuc speaks, and the one way it says "n things" in each of them.

/** Vietnamese first, English second: every surface (findings, workbook, pane, command line). */
export type Language = 'vi' | 'en';

export const LANGUAGES: readonly Language[] = ['vi', 'en'];

/**
 * The forms of a counted phrase, chosen by `Intl.PluralRules`; `#` stands for the number.
 * English needs `one` and `other`; Vietnamese has one form, `other` ("# nhiệm vụ").
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<Language, Intl.PluralRules>();

function rulesFor(language: Language): Intl.PluralRules {
  let found = rules.get(language);
  if (found === undefined) rules.set(language, (found = new Intl.PluralRules(language)));
  return found;
}

/** "1 task", "3 tasks", "3 nhiệm vụ": the form `Intl.PluralRules` picks for `count`, `#` → count. */
export function plural(language: Language, count: number, forms: PluralForms): string {
  const form = forms[rulesFor(language).select(count)] ?? forms.other;
  return form.replace(/#/g, String(count));
}
