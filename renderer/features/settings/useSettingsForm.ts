import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DeskInput } from '../../../domain/api/deskApi.ts';
import type { DeskSettingsValues, DeskSettingsView, SettingsSection } from '../../../domain/settings/deskSettings.ts';
import { client } from '../../shared/api/client.ts';
import { queryClient } from '../../shared/api/queries.ts';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { settingsQuery } from './queries.ts';

type UpdateInput = DeskInput<'settings.update'>;

/** How one section's stored values become the form's fields and back (a number field may hold text while typed). */
export interface SectionForm<S extends SettingsSection, V> {
  toForm(values: DeskSettingsValues[S]): V;
  toInput(values: V): NonNullable<UpdateInput[S]>;
}

/**
 * A form over some sections of the settings: the fields are named `section.field`, as the
 * core's refusals name them, so each message lands next to its field. Saving sends those
 * sections only (the matrix checks each), and every screen reading the settings sees the answer.
 */
export function useSettingsForm<S extends SettingsSection, V extends Record<S, unknown>>(
  sections: { [K in S]: SectionForm<K, V[K]> },
  initial: V,
) {
  const names = Object.keys(sections) as S[];
  const settings = useQuery(settingsQuery());
  const [saved, setSaved] = useState(false);
  const form = useForm<V>({ initialValues: initial });
  const fill = (view: DeskSettingsView) =>
    form.setValues(Object.fromEntries(names.map((name) => [name, sections[name].toForm(view[name])])) as unknown as Partial<V>);
  // biome-ignore lint/correctness/useExhaustiveDependencies: fill the form when the stored values arrive
  useEffect(() => {
    if (settings.data) fill(settings.data);
  }, [settings.data]);
  const submit = useDeskSubmit(
    form,
    (values) => {
      setSaved(false);
      const input = Object.fromEntries(names.map((name) => [name, sections[name].toInput(values[name])])) as UpdateInput;
      return client.call('settings.update', input);
    },
    (view) => {
      queryClient.setQueryData(settingsQuery().queryKey, view);
      setSaved(true);
    },
  );
  return {
    form,
    ...submit,
    saved,
    unsaved: () => setSaved(false),
    current: settings.data ?? null,
    loadError: settings.error ? deskErrorMessage(settings.error) : null,
  };
}
