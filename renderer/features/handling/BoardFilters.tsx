import { Chip, Combobox, Group, Input, rem, Select, type SelectProps, TextInput } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSort } from '../../../domain/api/handlingSchemas.ts';
import { type CaseStatus, type Channel, caseStatuses, channels, type Severity, severities } from '../../../domain/cases/vocabulary.ts';
import type { Directory } from '../../shared/directory.ts';
import { DeskDateInput } from '../../shared/ui/DeskDates.tsx';
import { useAfterFirstFrame } from '../../shared/ui/useAfterFirstFrame.ts';
import { categoryOptions } from './categoryOptions.ts';

export interface BoardFilterValues {
  q: string;
  status: CaseStatus | null;
  mine: boolean;
  departmentId: string | null;
  categoryId: string | null;
  severity: Severity | null;
  channel: Channel | null;
  overdue: boolean;
  dueSoon: boolean;
  from: string;
  to: string;
  sort: CaseSort;
}

export const emptyFilters: BoardFilterValues = {
  q: '',
  status: null,
  mine: false,
  departmentId: null,
  categoryId: null,
  severity: null,
  channel: null,
  overdue: false,
  dueSoon: false,
  from: '',
  to: '',
  sort: 'due',
};

/** A desk date (UTC+8) as the instant its day starts, for the date-range filter. */
const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
const nextDayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();

/** The filters as the core's input: only what is set. */
export function filterInput(f: BoardFilterValues, query: string) {
  return {
    ...(query ? { q: query } : {}),
    ...(f.status ? { statuses: [f.status] } : {}),
    ...(f.mine ? { mine: true } : {}),
    ...(f.departmentId ? { departmentId: f.departmentId } : {}),
    ...(f.categoryId ? { categoryId: f.categoryId } : {}),
    ...(f.severity ? { severity: f.severity } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.overdue ? { overdue: true } : {}),
    ...(f.dueSoon ? { dueSoon: true } : {}),
    ...(f.from ? { from: dayStart(f.from) } : {}),
    ...(f.to ? { to: nextDayStart(f.to) } : {}),
  };
}

/** What Mantine's inputs set on their elements at the default size, for the stand-ins below. */
const inputVars = { '--input-height': 'var(--input-height-sm)', '--input-fz': 'var(--mantine-font-size-sm)' } as CSSProperties;
const labelVars = { '--input-label-size': 'var(--mantine-font-size-sm)' } as CSSProperties;

/**
 * A picker's place until it is drawn: an input as Mantine draws it, on plain elements with its
 * classes (a component each would cost what the pickers do), at the picker's width, with its label,
 * placeholder and value. Inert: neither a click, the keyboard nor a screen reader finds it.
 */
function PickerStandIn(props: { w: number; placeholder: string; value?: string | undefined; label?: string; chevron?: boolean }) {
  return (
    <div className={`${Input.classes.root} mantine-InputWrapper-root`} data-size="sm" style={{ width: rem(props.w) }} inert>
      {props.label && (
        <div className={`${Input.classes.label} mantine-InputWrapper-label`} data-size="sm" style={labelVars}>
          {props.label}
        </div>
      )}
      <div
        className={`${Input.classes.wrapper} mantine-Input-wrapper`}
        data-variant="default"
        data-size="sm"
        data-with-right-section={props.chevron || undefined}
        style={inputVars}
      >
        <input
          className={`${Input.classes.input} mantine-Input-input`}
          data-variant="default"
          placeholder={props.placeholder}
          value={props.value ?? ''}
          readOnly
        />
        {props.chevron && (
          <div data-position="right" className={`${Input.classes.section} mantine-Input-section`}>
            <Combobox.Chevron />
          </div>
        )}
      </div>
    </div>
  );
}

/**
 * The board's filters. The pickers are drawn a frame after the rest of the page: each is a popover
 * positioned once it is on the page, and drawing the seven of them was about a fifth of the board's
 * render after a reload. Until then a stand-in of the same size holds each one's place, so nothing
 * moves when they come; the search box is there from the first frame.
 */
export function BoardFilters(props: {
  value: BoardFilterValues;
  onChange: (v: BoardFilterValues) => void;
  directory: Directory;
  withSort: boolean;
}) {
  const { t, i18n } = useTranslation('handling');
  const drawn = useAfterFirstFrame();
  const v = props.value;
  const set = (patch: Partial<BoardFilterValues>) => props.onChange({ ...v, ...patch });
  /** A select named by its placeholder, clearable unless said otherwise; its stand-in shows what it will. */
  const select = ({
    label,
    w,
    ...rest
  }: Omit<SelectProps, 'data'> & { label: string; w: number; data: { value: string; label: string }[] }) =>
    drawn ? (
      <Select aria-label={label} placeholder={label} clearable w={w} {...rest} />
    ) : (
      <PickerStandIn w={w} placeholder={label} value={rest.data.find((o) => o.value === rest.value)?.label} chevron />
    );
  const date = (label: string, value: string, onChange: (date: string) => void) =>
    drawn ? (
      <DeskDateInput label={label} value={value} onChange={(d) => onChange(d ?? '')} w={150} />
    ) : (
      <PickerStandIn w={150} label={label} placeholder={t('common:dates.date')} value={value || undefined} />
    );
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        type="search"
        aria-label={t('common:search')}
        // A placeholder short enough to be read whole in the box, in every language.
        placeholder={t('board.searchPlaceholder')}
        value={v.q}
        onChange={(e) => set({ q: e.currentTarget.value })}
        w={300}
      />
      {select({
        label: t('board.status'),
        w: 170,
        data: caseStatuses.map((s) => ({ value: s, label: t(`cases:statuses.${s}`) })),
        value: v.status,
        onChange: (s) => set({ status: s as CaseStatus | null }),
      })}
      {select({
        label: t('board.department'),
        w: 150,
        data: props.directory.departments.map((d) => ({ value: d.id, label: d.name })),
        value: v.departmentId,
        onChange: (departmentId) => set({ departmentId }),
      })}
      {select({
        label: t('board.category'),
        w: 170,
        clearButtonProps: { 'aria-label': t('board.clearCategory') },
        searchable: true,
        data: categoryOptions(props.directory.categories, t, i18n),
        value: v.categoryId,
        onChange: (categoryId) => set({ categoryId }),
      })}
      {select({
        label: t('board.severity'),
        w: 130,
        data: severities.map((s) => ({ value: s, label: t(`cases:severities.${s}`) })),
        value: v.severity,
        onChange: (s) => set({ severity: s as Severity | null }),
      })}
      {select({
        label: t('board.channel'),
        w: 130,
        data: channels.map((c) => ({ value: c, label: t(`cases:channels.${c}`) })),
        value: v.channel,
        onChange: (c) => set({ channel: c as Channel | null }),
      })}
      {date(t('board.from'), v.from, (from) => set({ from }))}
      {date(t('board.to'), v.to, (to) => set({ to }))}
      <Chip checked={v.mine} onChange={(mine) => set({ mine })}>
        {t('board.mine')}
      </Chip>
      <Chip checked={v.overdue} color="red" onChange={(overdue) => set({ overdue })}>
        {t('deadline.overdue')}
      </Chip>
      <Chip checked={v.dueSoon} color="orange" onChange={(dueSoon) => set({ dueSoon })}>
        {t('deadline.dueSoon')}
      </Chip>
      {props.withSort &&
        select({
          label: t('board.sort'),
          w: 150,
          clearable: false,
          allowDeselect: false,
          data: (['due', 'newest', 'oldest'] as const).map((s) => ({ value: s, label: t(`board.sorts.${s}`) })),
          value: v.sort,
          onChange: (s) => set({ sort: (s as CaseSort) ?? 'due' }),
        })}
    </Group>
  );
}
