import { performance } from 'node:perf_hooks';
import { listDepartments } from '../../db/queries/departments.ts';
import { findComplainantHistory, listActiveUsers, listCategories } from '../../db/queries/registration.ts';
import type { RegistrationSettingsView } from '../../domain/api/registrationViews.ts';
import { intakePromptsFor } from '../../domain/cases/intakePrompts.ts';
import { phoneDigitsTyped, phoneLookupKey } from '../../domain/cases/phone.ts';
import { suggestTriage } from '../../domain/cases/triage.ts';
import type { CaseStatus } from '../../domain/cases/vocabulary.ts';
import type { DeskContext } from '../deskContext.ts';
import type { Handlers } from '../dispatcher.ts';
import { type DeskSettings, loadSettings, nextNumberExample } from '../settings.ts';

type RegistrationHandlers = Pick<Handlers, 'registration.options' | 'registration.lookup' | 'registration.suggest'>;

/** Digits a phone lookup waits for: fewer match half the city. */
const minPhoneDigits = 6;
/** Characters a name lookup waits for: one character is a surname shared by millions. */
const minNameChars = 2;

function settingsView(s: DeskSettings, now: Date): RegistrationSettingsView {
  return {
    orgName: s.orgName || null,
    deskName: s.deskName || null,
    deskPrefix: s.deskPrefix,
    numberFormat: s.numberFormat,
    deskPhone: s.deskPhone || null,
    slipWidth: s.slipWidth,
    printer: s.printer || null,
    printMode: s.printMode,
    nextNumberExample: nextNumberExample(s, now),
  };
}

export function registrationHandlers(ctx: DeskContext): RegistrationHandlers {
  const { db } = ctx.store;
  return {
    'registration.options': async () => {
      const [settings, departments, categories, users] = await Promise.all([
        loadSettings(db),
        listDepartments(db),
        listCategories(db),
        listActiveUsers(db),
      ]);
      return {
        profile: settings.profile,
        departments: departments.map((d) => ({ id: d.id, name: d.name })),
        categories: categories.map((c) => ({ id: c.id, name: c.name, code: c.code ?? null })),
        handlers: users
          .filter((u) => u.roles.some((r) => r === 'handler' || r === 'supervisor' || r === 'director'))
          .map((u) => ({ id: u.id, displayName: u.display_name, departmentIds: u.department_ids })),
        settings: settingsView(settings, ctx.now()),
      };
    },

    'registration.lookup': async (input) => {
      const started = performance.now();
      const phoneKey = input.phone ? (phoneLookupKey(input.phone) ?? phoneDigitsTyped(input.phone)) : '';
      const name = input.name ?? '';
      const by = {
        phonePrefix: phoneKey.length >= minPhoneDigits ? phoneKey : undefined,
        namePrefix: [...name].length >= minNameChars ? name : undefined,
      };
      if (!by.phonePrefix && !by.namePrefix) return { items: [], total: 0, tookMs: 0 };
      const { rows, total } = await findComplainantHistory(db, by, input.limit ?? 10);
      return {
        items: rows.map((r) => ({
          id: r.id,
          number: r.number,
          status: r.status as CaseStatus,
          proposalState: r.proposal_state as 'pending' | 'approved' | null,
          subject: r.subject,
          complainantName: r.complainant_name,
          receivedAt: r.received_at,
          matchedBy: r.matched_by,
        })),
        total,
        tookMs: Math.round((performance.now() - started) * 100) / 100,
      };
    },

    'registration.suggest': async (input) => {
      const [settings, categories] = await Promise.all([loadSettings(db), listCategories(db)]);
      const coded = categories.filter((c): c is typeof c & { code: string } => typeof c.code === 'string');
      const text = [input.subject, input.content, input.demands ?? ''].join('\n');
      const suggestion = suggestTriage(
        text,
        settings.profile,
        coded.map((c) => c.code),
      );
      const chosen = input.categoryId ? (categories.find((c) => c.id === input.categoryId)?.code ?? null) : null;
      return {
        categoryId: coded.find((c) => c.code === suggestion.categoryKey)?.id ?? null,
        severity: suggestion.severity,
        signals: suggestion.signals,
        largeClaim: suggestion.largeClaim,
        prompts: intakePromptsFor(settings.profile, text, chosen ?? suggestion.categoryKey),
      };
    },
  };
}
