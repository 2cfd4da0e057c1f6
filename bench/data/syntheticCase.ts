import type { DeskInput } from '../../domain/api/deskApi.ts';
import type { CaseEventData } from '../../domain/cases/events.ts';
import { anonymousAllowed } from '../../domain/cases/intakeVocabulary.ts';
import type { Channel, Finding, RecordType, Severity } from '../../domain/cases/vocabulary.ts';
import { categoryPhrases, demands, followUps, givenChars, places, relatives, respondentPersons, surnames, times } from './phrases.ts';
import type { Rng } from './rng.ts';

/** The desk's reference data the generator draws from (ids as stored). */
export interface Vocabulary {
  categories: { id: string; name: string }[];
  departments: string[];
  receptionists: string[];
  /** Handlers by department id. */
  handlers: Map<string, string[]>;
  /** Who approves proposals and closes cases. */
  supervisor?: string;
}

/** A later step in a case's life, as the core's `cases.act` would record it. */
export interface LaterEvent {
  at: number;
  actorId: string;
  data: Exclude<CaseEventData, { type: 'registered' }>;
}

export interface SyntheticCase {
  /** When the receptionist saved it (ms); `input.receivedAt` may be earlier (letters, e-mail). */
  registeredAt: number;
  registeredBy: string;
  input: DeskInput<'cases.register'> & { receivedAt: string };
  later: LaterEvent[];
}

const typeWeights: Record<RecordType, number> = { complaint: 70, suggestion: 10, praise: 5, helpRequest: 8, repairRequest: 7 };
const channelWeights: Record<Channel, number> = { walkIn: 35, phone: 30, letter: 5, email: 3, online: 10, wechat: 12, transferred: 5 };
const severityWeights: Record<Severity, number> = { general: 85, major: 12, urgent: 3 };
const transferSources = ['市卫生健康委员会', '12345 政务服务便民热线', '区住房和建设局', '街道办事处'];
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

function personName(rng: Rng): string {
  const given = Array.from({ length: rng.chance(0.7) ? 2 : 1 }, () => rng.pick(Array.from(givenChars))).join('');
  return `${rng.pick(Array.from(surnames))}${given}`;
}

function phone(rng: Rng): string {
  if (rng.chance(0.88)) {
    const prefix = rng.pick(['13', '15', '17', '18', '19']);
    return `${prefix}${String(rng.int(1e9)).padStart(9, '0')}`;
  }
  return `0${rng.pick(['10', '21', '20', '755', '571', '28'])}-${String(rng.int(1e8)).padStart(8, '0')}`;
}

/**
 * Content of very different lengths, as a desk receives it: a one-line note from the phone,
 * a paragraph at the window, a long letter now and then.
 */
function content(rng: Rng, happenings: string[]): string {
  const first = `${rng.pick(times)}${rng.pick(relatives)}在${rng.pick(places)}，${rng.pick(happenings)}。`;
  const length = rng.weighted({ short: 30, medium: 55, long: 12, letter: 3 });
  const extra = { short: 0, medium: 1 + rng.int(3), long: 4 + rng.int(5), letter: 12 + rng.int(20) }[length];
  const parts = [first];
  for (let i = 0; i < extra; i++) {
    parts.push(rng.chance(0.3) ? `另外，${rng.pick(times)}在${rng.pick(places)}，${rng.pick(happenings)}。` : rng.pick(followUps));
  }
  return parts.join('');
}

/**
 * One case registered at `registeredAt` and what happened to it by `until` (see `lifecycle`).
 */
export function syntheticCase(rng: Rng, vocabulary: Vocabulary, registeredAt: number, until: number): SyntheticCase {
  const category = rng.pick(vocabulary.categories);
  const phrases = categoryPhrases[category.name] ?? categoryPhrases.其他;
  if (!phrases) throw new Error('phrase table lacks 其他');
  const channel = rng.weighted(channelWeights);
  const delayed = channel === 'letter' || channel === 'email' || channel === 'transferred';
  const receivedAt = registeredAt - (delayed ? rng.int(3 * dayMs) : rng.int(20 * 60_000));
  const type = rng.weighted(typeWeights);
  const anonymous = anonymousAllowed(type) && rng.chance(0.04);
  const respondentDepartment = rng.chance(0.5) ? rng.pick(vocabulary.departments) : undefined;
  const input: SyntheticCase['input'] = {
    type,
    channel,
    ...(channel === 'transferred'
      ? { transfer: { source: rng.pick(transferSources), reference: `转字〔${2026}〕${1 + rng.int(999)}号` } }
      : {}),
    ...(channel === 'letter' ? { letter: { number: `来信${1 + rng.int(9999)}` } } : {}),
    complainant: {
      name: anonymous ? '匿名' : personName(rng),
      ...(anonymous || rng.chance(0.08) ? {} : { phone: phone(rng) }),
      ...(rng.chance(0.2) ? { address: `${rng.pick(['东城区', '西城区', '南山区', '浦东新区'])}${1 + rng.int(200)}号` } : {}),
    },
    subject: rng.pick(phrases.subjects),
    content: content(rng, phrases.happenings),
    ...(rng.chance(0.5) ? { demands: rng.pick(demands) } : {}),
    categoryId: category.id,
    severity: rng.weighted(severityWeights),
    ...(respondentDepartment || rng.chance(0.3)
      ? {
          respondent: {
            ...(respondentDepartment ? { departmentId: respondentDepartment } : {}),
            ...(rng.chance(0.6) ? { person: rng.pick(respondentPersons) } : {}),
          },
        }
      : {}),
    receivedAt: new Date(receivedAt).toISOString(),
    confidential: rng.chance(0.03),
    anonymous,
  };

  const later = lifecycle(rng, vocabulary, registeredAt, until, respondentDepartment);
  return { registeredAt, registeredBy: rng.pick(vocabulary.receptionists), input, later };
}

const findingWeights: Record<Finding, number> = { valid: 45, toImprove: 35, invalid: 17, malicious: 3 };

/**
 * The events a case collects, in the order the state machine (domain/cases/caseMachine.ts) allows: accepted, investigation started,
 * a call to the complainant, a proposal and its approval, the reply, the follow-up visit, closed,
 * and after months archived; 6% are declined instead. Each step takes hours to days, so the
 * newest cases stand at every stage of the board, and ~1.5% stall and stay open for good.
 */
function lifecycle(
  rng: Rng,
  vocabulary: Vocabulary,
  registeredAt: number,
  until: number,
  respondentDepartment: string | undefined,
): LaterEvent[] {
  const events: LaterEvent[] = [];
  const stallAfter = rng.chance(0.015) ? rng.int(7) : Number.POSITIVE_INFINITY;
  let at = registeredAt;
  const step = (minHours: number, maxHours: number, actorId: string, data: LaterEvent['data']) => {
    at += (minHours + rng.next() * (maxHours - minHours)) * hourMs;
    if (at > until || events.length > stallAfter) return false;
    events.push({ at, actorId, data });
    return true;
  };
  const receptionist = rng.pick(vocabulary.receptionists);
  if (rng.chance(0.06)) {
    step(1, 30, receptionist, { type: 'declined', payload: { reason: '不属于本院受理范围，已告知投诉人向有关部门反映。' } });
    return events;
  }
  const departmentId = respondentDepartment ?? rng.pick(vocabulary.departments);
  const handlers = vocabulary.handlers.get(departmentId) ?? [];
  const named = handlers.length > 0 && rng.chance(0.6) ? rng.pick(handlers) : undefined;
  const handlerId = named ?? (handlers.length > 0 ? rng.pick(handlers) : receptionist);
  const coDepartmentIds = rng.chance(0.1) ? [rng.pick(vocabulary.departments.filter((d) => d !== departmentId))] : [];
  const supervisor = vocabulary.supervisor ?? receptionist;
  const finding = rng.weighted(findingWeights);
  const satisfaction = finding === 'valid' ? 3 + rng.int(3) : 2 + rng.int(4);
  const steps: [number, number, string, LaterEvent['data']][] = [
    [1, 30, receptionist, { type: 'accepted', payload: { departmentId, handlerId: named, coDepartmentIds } }],
    [1, 48, handlerId, { type: 'investigationStarted', payload: { handlerId } }],
    ...(rng.chance(0.5)
      ? [
          [
            2,
            30,
            handlerId,
            {
              type: 'contacted',
              payload: {
                contactedAt: new Date(at).toISOString(),
                method: 'phone',
                person: '投诉人本人',
                summary: '已电话联系投诉人，了解具体经过，告知正在调查。',
              },
            },
          ] as [number, number, string, LaterEvent['data']],
        ]
      : []),
    [24, 120, handlerId, { type: 'proposed', payload: { text: '经调查核实，已对相关人员进行批评教育，并调整排班和流程。', finding } }],
    [2, 24, supervisor, { type: 'approved', payload: {} }],
    [1, 24, handlerId, { type: 'responded', payload: { channel: 'phone', content: '已将调查结果和整改措施电话告知投诉人。' } }],
    [24, 168, receptionist, { type: 'followedUp', payload: { method: 'phone', satisfaction, explanationAccepted: satisfaction < 4 } }],
    [1, 48, supervisor, { type: 'closed', payload: { override: false } }],
    ...(rng.chance(0.3)
      ? [[720, 2160, supervisor, { type: 'archived', payload: {} }] as [number, number, string, LaterEvent['data']]]
      : []),
  ];
  for (const [min, max, actorId, data] of steps) if (!step(min, max, actorId, data)) break;
  return events;
}
