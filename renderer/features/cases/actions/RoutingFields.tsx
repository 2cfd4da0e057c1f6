import { MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../../shared/directory.ts';
import type { ActionFieldsProps } from './actionValues.ts';

/** Accepting and re-assigning: the lead department, co-departments and a handler of the lead one. */
export function RoutingFields(props: ActionFieldsProps & { directory: Directory }) {
  const { t } = useTranslation('handling');
  const { form, err, directory } = props;
  const leadHandlers = directory.handlers.filter((h) => h.departmentIds.includes(form.values.departmentId));
  return (
    <>
      <Select
        label={t('cases:detail.leadDepartment')}
        required
        searchable
        data={directory.departments.map((d) => ({ value: d.id, label: d.name }))}
        {...form.getInputProps('departmentId')}
        error={err('departmentId')}
      />
      <MultiSelect
        label={t('form.coDepartments')}
        data={directory.departments.filter((d) => d.id !== form.values.departmentId).map((d) => ({ value: d.id, label: d.name }))}
        {...form.getInputProps('coDepartmentIds')}
        error={err('coDepartmentIds')}
      />
      <Select
        label={t('form.handler')}
        clearable
        // Said only of a chosen department, not before one is chosen.
        placeholder={form.values.departmentId && leadHandlers.length === 0 ? t('form.noHandlers') : undefined}
        data={leadHandlers.map((h) => ({ value: h.id, label: h.displayName }))}
        {...form.getInputProps('handlerId')}
        error={err('handlerId')}
      />
    </>
  );
}
