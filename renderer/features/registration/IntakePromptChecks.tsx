import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type IntakePrompt, intakePrompts } from '../../../domain/cases/intakePrompts.ts';

/**
 * What a hospital's desk must tell the complainant at once (regulation 004), shown when the
 * category or the text calls for it; the receptionist ticks each one given and the case
 * records it. A ticked prompt stays shown even if the text changes, so a tick is never lost
 * out of sight.
 */
export function IntakePromptChecks(props: { suggested: IntakePrompt[]; given: IntakePrompt[]; onChange: (given: IntakePrompt[]) => void }) {
  const { t } = useTranslation('registration');
  const shown = intakePrompts.filter((p) => props.suggested.includes(p) || props.given.includes(p));
  if (shown.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title={t('intakePrompts.title')} data-testid="intake-prompts">
      <Stack gap={6}>
        <Text size="sm">{t('intakePrompts.hint')}</Text>
        {shown.map((p) => (
          <Checkbox
            key={p}
            label={t(`intakePrompts.${p}`)}
            checked={props.given.includes(p)}
            onChange={(e) =>
              props.onChange(
                e.currentTarget.checked
                  ? intakePrompts.filter((q) => q === p || props.given.includes(q))
                  : props.given.filter((q) => q !== p),
              )
            }
          />
        ))}
      </Stack>
    </Alert>
  );
}
