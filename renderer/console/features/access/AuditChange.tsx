import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One value of a logged record as a person reads it: a date in their language, a role by its name, a volume in words. */
function useValueText() {
  const { t, i18n } = useTranslation('console');
  const text = (key: string, value: unknown): string => {
    if (value === null || value === undefined) return t('audit.none');
    if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
    if (key === 'role' && typeof value === 'string') return t(`roles.${value}`, { defaultValue: value });
    // Why a call was refused: the message the caller was shown.
    if (key === 'reason' && typeof value === 'string') return t(`error.${value}`, { defaultValue: value });
    if (key === 'volume' && typeof value === 'object') {
      const v = value as { perMonth?: number; unit?: string };
      return t(`sites.volumeOf.${v.unit ?? 'visits'}`, { n: Number(v.perMonth ?? 0).toLocaleString(i18n.language) });
    }
    if (typeof value === 'string' && isoTime.test(value)) return formatDateTime(value, i18n.language);
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    return JSON.stringify(value);
  };
  return text;
}

/**
 * What a logged change did, field by field: `before → after` where both are known, the one
 * side otherwise. Field names are worded (audit.fields.*); a field an area adds without a
 * word is shown by its own name.
 */
export function AuditChange(props: { before: unknown; after: unknown }) {
  const { t } = useTranslation('console');
  const valueText = useValueText();
  const before = (props.before ?? {}) as Record<string, unknown>;
  const after = (props.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = keys.filter((k) => props.before === null || JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (changed.length === 0) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      {changed.map((k) => {
        const label = t(`audit.fields.${k}`, { defaultValue: k });
        const value =
          props.before !== null && props.after !== null
            ? t('audit.fromTo', { from: valueText(k, before[k]), to: valueText(k, after[k]) })
            : valueText(k, props.after !== null ? after[k] : before[k]);
        return (
          <Text key={k} size="sm">
            {t('audit.field', { label, value })}
          </Text>
        );
      })}
    </Stack>
  );
}
