import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskInput } from '../../domain/api/deskApi.ts';
import type { CaseDetail } from '../../domain/api/views.ts';
import type { CaseActionType } from '../../domain/cases/caseMachine.ts';
import {
  type CompensationForm,
  type ContactMethod,
  type CorrectableField,
  compensationForms,
  contactMethods,
  correctableFields,
  type Finding,
  findings,
} from '../../domain/cases/vocabulary.ts';
import { useDeskSubmit } from '../app/deskForm.ts';
import { useSession } from '../app/deskSession.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import type { Directory } from './useDirectory.ts';

type Action = DeskInput<'cases.act'>['action'];

interface Values {
  [key: string]: unknown;
  departmentId: string;
  coDepartmentIds: string[];
  handlerId: string;
  reason: string;
  text: string;
  comment: string;
  finding: Finding;
  compensationAmount: number | string;
  compensationForm: CompensationForm | '';
  method: ContactMethod;
  person: string;
  summary: string;
  contactedAt: string;
  content: string;
  satisfaction: string;
  explanationAccepted: boolean;
  field: CorrectableField;
  value: string;
  number: string;
}

const initialValues: Values = {
  departmentId: '',
  coDepartmentIds: [],
  handlerId: '',
  reason: '',
  text: '',
  comment: '',
  finding: 'valid',
  compensationAmount: '',
  compensationForm: '',
  method: 'phone',
  person: '',
  summary: '',
  contactedAt: '',
  content: '',
  satisfaction: '',
  explanationAccepted: false,
  field: 'subject',
  value: '',
  number: '',
};

/** The order of the buttons: the next step of the lifecycle first, records and corrections after. */
const primary: CaseActionType[] = [
  'accept',
  'startInvestigation',
  'propose',
  'approve',
  'respond',
  'followUp',
  'close',
  'sendBack',
  'decline',
  'review',
  'archive',
];
const secondary: CaseActionType[] = ['note', 'contact', 'assign', 'escalate', 'correct', 'link', 'merge'];
const deskDecisions: readonly CaseActionType[] = ['decline', 'resolveOnSpot', 'redirect'];

/** A `datetime-local` value, read as the desk's local time (UTC+8), as an ISO instant. */
function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  return new Date(`${value}:00+08:00`).toISOString();
}

function actionOf(type: CaseActionType, v: Values, detail: CaseDetail): Action {
  const opt = (s: string) => (s.trim() === '' ? undefined : s);
  switch (type) {
    case 'accept':
      return { type, departmentId: v.departmentId, coDepartmentIds: v.coDepartmentIds, handlerId: opt(v.handlerId) };
    case 'decline':
      return { type, reason: v.reason };
    case 'assign':
      return { type, departmentId: v.departmentId, coDepartmentIds: v.coDepartmentIds, handlerId: opt(v.handlerId), reason: v.reason };
    case 'startInvestigation':
    case 'archive':
      return { type };
    case 'note':
      return { type, text: v.text };
    case 'contact':
      return { type, method: v.method, person: v.person, summary: v.summary, contactedAt: localInputToIso(v.contactedAt) };
    case 'propose': {
      const amount = typeof v.compensationAmount === 'number' ? v.compensationAmount : undefined;
      const compensation = amount !== undefined && v.compensationForm ? { amount, form: v.compensationForm } : undefined;
      return { type, text: v.text, finding: v.finding, compensation };
    }
    case 'approve':
      return { type, comment: opt(v.comment) };
    case 'sendBack':
    case 'review':
    case 'escalate':
      return { type, reason: v.reason };
    case 'respond':
      return { type, channel: v.method, content: v.content };
    case 'followUp':
      return {
        type,
        method: v.method,
        satisfaction: Number(v.satisfaction),
        comment: opt(v.comment),
        explanationAccepted: v.explanationAccepted,
      };
    case 'close':
      return { type, reason: opt(v.reason), override: detail.closeNeedsOverride };
    case 'correct':
      return { type, field: v.field, value: v.value, reason: v.reason };
    case 'link':
      return { type, number: v.number };
    case 'merge':
      return { type, intoNumber: v.number, reason: v.reason };
    case 'extend':
    case 'pause':
    case 'resume':
      throw new Error('deadline actions have their own panel (components/DeadlineActions.tsx)');
    case 'resolveOnSpot':
    case 'redirect':
      throw new Error(`${type} is offered by the desk's decision panel`);
  }
}

/** The actions the core allows this user now, as buttons; each opens its own small form. */
export function CaseActionPanel(props: {
  detail: CaseDetail;
  directory: Directory;
  onChanged: (c: CaseDetail) => void;
  /** A reply sent as a letter: the page offers the reply letter to print at once. */
  onLetterReply?: () => void;
}) {
  const { detail, directory } = props;
  const { t } = useTranslation('handling');
  const { client } = useSession();
  const [open, setOpen] = useState<CaseActionType | null>(null);
  const form = useForm<Values>({ initialValues });
  const submit = (values: Values) => {
    if (!open) throw new Error('no action open');
    return client.call('cases.act', { id: detail.id, action: actionOf(open, values, detail) });
  };
  const { onSubmit, error, busy } = useDeskSubmit(form, submit, (updated) => {
    const letterReply = open === 'respond' && form.values.method === 'letter';
    setOpen(null);
    form.reset();
    props.onChanged(updated);
    if (letterReply) props.onLetterReply?.();
  });
  const err = (name: string) => form.errors[`action.${name}`] ?? form.errors[name];
  const choose = (action: CaseActionType) => {
    form.reset();
    form.clearErrors();
    if (action === 'assign') {
      form.setValues({
        departmentId: detail.departmentId ?? '',
        coDepartmentIds: detail.coDepartmentIds,
        handlerId: detail.handlerId ?? '',
      });
    }
    if (action === 'correct') form.setValues({ field: 'subject', value: detail.subject });
    setOpen(action);
  };

  // Declining, resolving on the spot and redirecting are the desk's decisions, offered beside (renderer/registration).
  const allowed = detail.allowedActions.filter((a) => !deskDecisions.includes(a));
  if (allowed.length === 0) return null;
  const label = (a: CaseActionType) => (a === 'accept' || a === 'decline' ? t(`cases:detail.${a}`) : t(`actions.${a}`));
  const button = (a: CaseActionType, variant: 'filled' | 'light' | 'default') => (
    <Button
      key={a}
      size="md"
      variant={open === a ? 'filled' : variant}
      color={a === 'decline' || a === 'sendBack' ? 'orange' : 'blue'}
      onClick={() => choose(a)}
    >
      {label(a)}
    </Button>
  );
  const leadHandlers = directory.handlers.filter((h) => h.departmentIds.includes(form.values.departmentId));
  const methodSelect = (name: 'method', labelKey: string) => (
    <Select
      label={t(labelKey)}
      required
      allowDeselect={false}
      data={contactMethods.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
      {...form.getInputProps(name)}
      error={err(name === 'method' && open === 'respond' ? 'channel' : name)}
    />
  );
  const reasonField = (required: boolean, labelKey = 'form.reason') => (
    <Textarea label={t(labelKey)} required={required} autosize minRows={2} {...form.getInputProps('reason')} error={err('reason')} />
  );
  const routing = (
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
        placeholder={leadHandlers.length === 0 ? t('form.noHandlers') : undefined}
        data={leadHandlers.map((h) => ({ value: h.id, label: h.displayName }))}
        {...form.getInputProps('handlerId')}
        error={err('handlerId')}
      />
    </>
  );

  function fields(action: CaseActionType) {
    switch (action) {
      case 'accept':
        return routing;
      case 'assign':
        return (
          <>
            {routing}
            {reasonField(true)}
          </>
        );
      case 'decline':
        return reasonField(true, 'cases:detail.reason');
      case 'sendBack':
      case 'review':
      case 'escalate':
        return reasonField(true);
      case 'startInvestigation':
      case 'archive':
        return <Text>{t(`form.confirm_${action}`)}</Text>;
      case 'note':
        return <Textarea label={t('form.note')} required autosize minRows={3} {...form.getInputProps('text')} error={err('text')} />;
      case 'contact':
        return (
          <>
            <Group grow>
              {methodSelect('method', 'form.method')}
              <TextInput
                label={t('form.contactedAt')}
                type="datetime-local"
                {...form.getInputProps('contactedAt')}
                error={err('contactedAt')}
              />
            </Group>
            <TextInput label={t('form.person')} required {...form.getInputProps('person')} error={err('person')} />
            <Textarea label={t('form.summary')} required autosize minRows={3} {...form.getInputProps('summary')} error={err('summary')} />
          </>
        );
      case 'propose':
        return (
          <>
            <Textarea label={t('form.proposal')} required autosize minRows={4} {...form.getInputProps('text')} error={err('text')} />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('form.finding')}
              </Text>
              <SegmentedControl
                aria-label={t('form.finding')}
                data={findings.map((f) => ({ value: f, label: t(`findings.${f}`) }))}
                {...form.getInputProps('finding')}
              />
            </Stack>
            <Group grow>
              <NumberInput
                label={t('form.compensationAmount')}
                min={0}
                decimalScale={2}
                {...form.getInputProps('compensationAmount')}
                error={err('compensation.amount')}
              />
              <Select
                label={t('form.compensationForm')}
                clearable
                data={compensationForms.map((f) => ({ value: f, label: t(`compensationForms.${f}`) }))}
                {...form.getInputProps('compensationForm')}
                error={err('compensation.form')}
              />
            </Group>
          </>
        );
      case 'approve':
        return <Textarea label={t('form.comment')} autosize minRows={2} {...form.getInputProps('comment')} error={err('comment')} />;
      case 'respond':
        return (
          <>
            {methodSelect('method', 'form.replyChannel')}
            <Textarea label={t('form.reply')} required autosize minRows={4} {...form.getInputProps('content')} error={err('content')} />
          </>
        );
      case 'followUp':
        return (
          <>
            {methodSelect('method', 'form.method')}
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('form.satisfaction')}
              </Text>
              <SegmentedControl
                aria-label={t('form.satisfaction')}
                data={['1', '2', '3', '4', '5'].map((s) => ({ value: s, label: t(`satisfaction.${s}`) }))}
                {...form.getInputProps('satisfaction')}
              />
              {err('satisfaction') && (
                <Text c="red" size="sm">
                  {err('satisfaction')}
                </Text>
              )}
            </Stack>
            <Checkbox label={t('form.explanationAccepted')} {...form.getInputProps('explanationAccepted', { type: 'checkbox' })} />
            <Textarea label={t('form.comment')} autosize minRows={2} {...form.getInputProps('comment')} error={err('comment')} />
          </>
        );
      case 'close':
        return detail.closeNeedsOverride ? (
          <>
            <Alert color="orange" variant="light">
              {t('form.overrideNotice')}
            </Alert>
            {reasonField(true, 'form.overrideReason')}
          </>
        ) : (
          reasonField(false, 'form.closeNote')
        );
      case 'correct':
        return (
          <>
            <Select
              label={t('form.field')}
              allowDeselect={false}
              data={correctableFields.map((f) => ({ value: f, label: t(`fields.${f}`) }))}
              {...form.getInputProps('field')}
              error={err('field')}
            />
            <TextInput label={t('form.newValue')} {...form.getInputProps('value')} error={err('value')} />
            {reasonField(true)}
          </>
        );
      case 'link':
        return <TextInput label={t('form.otherNumber')} required {...form.getInputProps('number')} error={err('number')} />;
      case 'merge':
        return (
          <>
            <TextInput label={t('form.survivorNumber')} required {...form.getInputProps('number')} error={err('intoNumber')} />
            {reasonField(true)}
          </>
        );
    }
  }

  const main = primary.filter((a) => allowed.includes(a));
  const more = secondary.filter((a) => allowed.includes(a));
  return (
    <Card withBorder>
      <Stack gap="sm">
        {main.length > 0 && <Group gap="sm">{main.map((a) => button(a, 'light'))}</Group>}
        {more.length > 0 && <Group gap="sm">{more.map((a) => button(a, 'default'))}</Group>}
      </Stack>
      {open && (
        <form onSubmit={onSubmit} noValidate>
          <Stack mt="md" maw={640}>
            <Title order={3} size="h4">
              {open === 'accept' ? t('cases:detail.acceptTitle') : open === 'decline' ? t('cases:detail.declineTitle') : label(open)}
            </Title>
            {fields(open)}
            <ErrorNotice message={error} />
            <Group>
              <Button type="submit" loading={busy}>
                {t('cases:detail.confirm')}
              </Button>
              <Button variant="default" onClick={() => setOpen(null)}>
                {t('common:cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
