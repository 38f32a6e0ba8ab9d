/** The `locale` parameter: one locale (with its fallback chain) or `*` for all of them. */
import { unknownLocale } from '../errors/index.js';
import type { Json, LocaleRecord, LocalizedFields } from '../store/types.js';

export type LocaleChoice = { all: true; codes: string[] } | { all: false; code: string; chain: string[]; defaultCode: string };

export function chooseLocale(param: unknown, locales: LocaleRecord[]): LocaleChoice {
  const visible = locales.filter((l) => l.contentDeliveryApi);
  const defaultCode = (visible.find((l) => l.default) ?? visible[0])?.code ?? 'en-US';
  if (param === '*') return { all: true, codes: visible.map((l) => l.code) };
  const code = param === undefined || param === '' ? defaultCode : String(param);
  const byCode = new Map(visible.map((l) => [l.code, l]));
  if (!byCode.has(code)) {
    throw unknownLocale(code);
  }
  const chain: string[] = [];
  for (let l = byCode.get(code); l && !chain.includes(l.code); l = l.fallbackCode ? byCode.get(l.fallbackCode) : undefined) chain.push(l.code);
  return { all: false, code, chain, defaultCode };
}

/** Fields as the reader asked: flattened to one locale (fallbacks applied) or all locales. */
export function localizeFields(fields: LocalizedFields, choice: LocaleChoice, localized: (fieldId: string) => boolean): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [id, byLocale] of Object.entries(fields)) {
    if (choice.all) {
      const kept = Object.fromEntries(Object.entries(byLocale).filter(([code]) => choice.codes.includes(code)));
      if (Object.keys(kept).length) out[id] = kept;
      continue;
    }
    const value = localizedValue(byLocale, choice, localized(id));
    if (value !== undefined) out[id] = value;
  }
  return out;
}

/**
 * One field's value in one locale: the first of its fallback chain that has one (unlocalized
 * fields: the default locale's). A stored null is a value, as Contentful returns it; only a
 * missing value falls back.
 */
export function localizedValue(byLocale: Record<string, Json> | undefined, choice: LocaleChoice & { all: false }, localized: boolean): Json | undefined {
  if (!byLocale) return undefined;
  const chain = localized ? choice.chain : [choice.defaultCode];
  const code = chain.find((c) => byLocale[c] !== undefined);
  return code === undefined ? undefined : byLocale[code];
}
