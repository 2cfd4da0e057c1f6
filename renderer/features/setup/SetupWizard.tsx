import { Button, Center, Group, Paper, PasswordInput, Radio, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../domain/api/limits.ts';
import { type OrgProfile, orgProfiles } from '../../../domain/cases/vocabulary.ts';
import { client } from '../../shared/api/client.ts';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch.tsx';
import { RecoveryKeyPanel } from '../backup/index.ts';

const orgFields = ['orgName', 'profile'];
const orgNameId = 'setup-org-name';

/** First run on a new data directory: organisation, then the administrator account. */
export function SetupWizard(props: { onDone: () => void }) {
  const { t } = useTranslation('setup');
  const [step, setStep] = useState(0);
  // An encrypted desk's recovery key, shown once before the wizard hands over to the sign-in.
  const [recovery, setRecovery] = useState<{ key: string; at: string } | null>(null);
  const form = useForm({
    initialValues: {
      orgName: '',
      profile: 'hospital' as OrgProfile,
      admin: { username: '', displayName: '', password: '' },
      passwordConfirm: '',
    },
    validate: {
      passwordConfirm: (value, values) => (value === values.admin.password ? null : t('wizard.passwordMismatch')),
    },
  });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    ({ passwordConfirm: _, ...input }) => client.call('setup.init', input),
    (result) => (result.recoveryKey ? setRecovery({ key: result.recoveryKey, at: new Date().toISOString() }) : props.onDone()),
    // The core answers for every field at once; show the step that holds the mistakes.
    (fields) => {
      const wrong = Object.keys(fields);
      if (wrong.length > 0 && wrong.every((f) => orgFields.includes(f))) setStep(0);
    },
  );

  // The first step is checked before the second is shown, by the rule the core applies on Finish.
  const next = () => {
    const name = form.values.orgName.trim();
    const problem =
      name === '' ? t('errors:field.required') : name.length > textLimits.name ? t('errors:field.tooLong', { max: textLimits.name }) : null;
    if (problem) {
      form.setFieldError('orgName', problem);
      document.getElementById(orgNameId)?.focus();
      return;
    }
    setStep(1);
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={640}>
        <Group justify="space-between" mb="md">
          <Title order={1} size="h2">
            {t('wizard.title')}
          </Title>
          <LanguageSwitch />
        </Group>
        {recovery ? (
          <RecoveryKeyPanel recoveryKey={recovery.key} createdAt={recovery.at} orgName={form.values.orgName} onDone={props.onDone} />
        ) : (
          <>
            <Text mb="lg">{t('wizard.intro')}</Text>
            <form onSubmit={onSubmit} noValidate>
              <Stepper active={step} onStepClick={(s) => (s === 1 ? next() : setStep(s))} mb="lg">
                <Stepper.Step label={t('wizard.stepOrg')}>
                  <Stack>
                    <TextInput
                      id={orgNameId}
                      label={t('wizard.orgName')}
                      description={t('wizard.orgNameHint')}
                      required
                      data-autofocus
                      {...form.getInputProps('orgName')}
                    />
                    <Radio.Group label={t('wizard.profile')} description={t('wizard.profileHint')} {...form.getInputProps('profile')}>
                      <Stack mt="xs">
                        {orgProfiles.map((p) => (
                          <Radio key={p} value={p} label={t(`wizard.profiles.${p}`)} />
                        ))}
                      </Stack>
                    </Radio.Group>
                  </Stack>
                </Stepper.Step>
                <Stepper.Step label={t('wizard.stepAdmin')}>
                  <Stack>
                    <TextInput label={t('wizard.displayName')} required {...form.getInputProps('admin.displayName')} />
                    <TextInput
                      label={t('wizard.username')}
                      description={t('wizard.usernameHint')}
                      required
                      autoComplete="username"
                      {...form.getInputProps('admin.username')}
                    />
                    <PasswordInput
                      label={t('wizard.password')}
                      description={t('wizard.passwordHint')}
                      required
                      autoComplete="new-password"
                      {...form.getInputProps('admin.password')}
                    />
                    <PasswordInput
                      label={t('wizard.passwordConfirm')}
                      required
                      autoComplete="new-password"
                      {...form.getInputProps('passwordConfirm')}
                    />
                  </Stack>
                </Stepper.Step>
              </Stepper>
              <Stack>
                <ErrorNotice message={error} />
                <Group justify="space-between">
                  <Button variant="default" disabled={step === 0} onClick={() => setStep(0)}>
                    {t('common:back')}
                  </Button>
                  {step === 0 ? (
                    // Distinct keys: reusing one element would turn the click on "next" into a submit.
                    <Button key="next" onClick={next}>
                      {t('common:next')}
                    </Button>
                  ) : (
                    <Button key="finish" type="submit" loading={busy}>
                      {t('wizard.finish')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </form>
          </>
        )}
      </Paper>
    </Center>
  );
}
