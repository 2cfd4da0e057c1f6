import { describe, expect, it } from 'vitest';
import { type AuditDetailWords, auditDetailLines, detailLabelKeys } from './auditDetail.ts';

const words: AuditDetailWords = {
  label: (key) => ({ template: '单据', copy: '第几份', before: '修改前', name: '名称', roles: '角色' })[key] ?? key,
  value: (key, value) => (key === 'template' && value === 'slip' ? '受理回执' : key === 'roles' ? `角色:${value}` : value),
  list: (items) => items.join('、'),
  yes: '是',
  no: '否',
};

describe('an audit entry read by a person', () => {
  it('labels each key, translates known values, joins lists and spells out nested records and booleans', () => {
    expect(
      auditDetailLines(
        { template: 'slip', copy: 2, roles: ['handler', 'supervisor'], before: { name: '门诊部' }, masked: true, gone: null, none: [] },
        words,
      ),
    ).toEqual([
      { key: 'template', label: '单据', value: '受理回执' },
      { key: 'copy', label: '第几份', value: '2' },
      { key: 'roles', label: '角色', value: '角色:handler、角色:supervisor' },
      { key: 'before', label: '修改前', value: '名称 门诊部' },
      { key: 'masked', label: 'masked', value: '是' },
      { key: 'gone', label: 'gone', value: '—' },
      { key: 'none', label: 'none', value: '—' },
    ]);
  });

  it('has no lines without a detail', () => {
    expect(auditDetailLines(null, words)).toEqual([]);
  });
});

describe('the words for the keys of an audit detail', () => {
  it('finds a word for every table whose rows a backup or import counts, in every language', async () => {
    const { resources, languages } = await import('../../../locales/resources.ts');
    for (const lang of languages) {
      const access: Record<string, unknown> = resources[lang].access;
      const at = (path: string) =>
        path
          .split('.')
          .reduce<unknown>(
            (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
            access,
          );
      const word = (key: string) =>
        detailLabelKeys(key)
          .map(at)
          .find((w) => typeof w === 'string');
      for (const table of ['audit_log', 'calendar_days', 'cases']) expect(word(table), `${lang} ${table}`).toBeTypeOf('string');
    }
  });
});
