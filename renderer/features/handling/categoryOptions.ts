import type { i18n as I18n, TFunction } from 'i18next';
import type { Category } from '../../../domain/api/accessViews.ts';

const languages = ['zh-CN', 'zh-TW', 'en'] as const;

/**
 * A category's name for the reader: a seeded category still under its seeded name (in any of
 * the desk's languages) is worded in the reader's language; a renamed or added one keeps the
 * name the administrator gave it.
 */
export function categoryName(c: Category, t: TFunction, i18n: I18n): string {
  if (!c.code) return c.name;
  const key = `defaults.categories.${c.code}`;
  const seeded = languages.some((lng) => i18n.getResource(lng, 'setup', key) === c.name);
  return seeded ? t(`setup:${key}`) : c.name;
}

/** The two-level categories as picker options: a subcategory under its parent's name. */
export function categoryOptions(categories: readonly Category[], t: TFunction, i18n: I18n) {
  const byId = new Map(categories.map((c) => [c.id, c]));
  return categories.map((c) => {
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    const name = categoryName(c, t, i18n);
    const label = parent ? `${categoryName(parent, t, i18n)} / ${name}` : name;
    return { value: c.id, label: c.disabled ? t('handling:board.disabledCategory', { name: label }) : label };
  });
}
