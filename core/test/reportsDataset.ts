import type { DeskInput } from '../../domain/api/deskApi.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

/**
 * The figures on a small dataset whose every value is counted by hand below (hospital profile:
 * acknowledge 1, feedback 5, resolve 15 working days; desk time UTC+8). November 2025:
 *   c1 Mon 3 Nov  complaint walkIn, phone A, cat 1, outpatient; accepted within the hour, handled
 *                 through its whole life: contact Wed 5, valid finding, reply Fri 7, follow-up
 *                 satisfied (5) Sat 8, closed Mon 10 (5 working days: 4, 5, 6, 7, 10 Nov)
 *   c2 Tue 4 Nov  complaint phone, phone B; accepted Thu 6 Nov (acknowledge due end of Wed 5: late)
 *   c3 Wed 5 Nov  suggestion walkIn; declined the same day (every clock stopped in time)
 *   c4 Mon 10 Nov complaint phone, phone A, cat 1, outpatient, person 李医生: repeats c1; untouched
 *   c6 Thu 20 Nov helpRequest wechat, two hours before "now": acknowledge due end of Fri 21 (due soon)
 * and c5 Wed 15 Oct, a major complaint nobody acted on (the previous period, overdue).
 * Now: Thu 20 Nov 2025 12:00 desk time.
 */
export const local = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();
export const nowIso = local('2025-11-20', '12:00');

export async function seedReportDataset() {
  let clock = new Date(local('2025-10-15', '09:00'));
  // The clock jumps days ahead; a session that long idle would expire, which is not under test here.
  const desk = await openTestDesk({ now: () => clock, sessionIdleMs: 10 * 365 * 86_400_000 });
  const at = (iso: string) => {
    clock = new Date(iso);
  };
  await desk.setupAndLogin();
  // A second supervisor approves what the admin proposes (nobody approves their own proposal).
  const { token: zhouToken } = await desk.person('zhou', ['supervisor'], [], '周主管');
  const departments = (await desk.call('departments.list', {})).items;
  const dept = (name: string) => departments.find((d) => d.name === name)?.id ?? '';
  const outpatient = dept('门诊部');
  const billing = dept('收费处');
  const register = async (when: string, input: Partial<DeskInput<'cases.register'>>) => {
    at(when);
    return desk.call('cases.register', { ...sampleComplaint, receivedAt: when, ...input } as DeskInput<'cases.register'>);
  };
  const phoneA = '13900001111';
  const c5 = await register(local('2025-10-15', '09:00'), { severity: 'major', complainant: { name: '赵六', phone: '13700007777' } });
  const c1 = await register(local('2025-11-03', '10:00'), {
    complainant: { name: '张三', phone: phoneA },
    categoryId: undefined,
    respondent: { departmentId: outpatient },
  });
  at(local('2025-11-03', '11:00'));
  await desk.call('cases.act', { id: c1.id, action: { type: 'accept', departmentId: outpatient } });
  const act = async (when: string, id: string, action: DeskInput<'cases.act'>['action'], token?: string) => {
    at(when);
    await desk.call('cases.act', { id, action }, token ? { token } : {});
  };
  await act(local('2025-11-04', '09:00'), c1.id, { type: 'startInvestigation' });
  await act(local('2025-11-05', '10:00'), c1.id, { type: 'contact', method: 'phone', person: '张三', summary: '告知正在核实' });
  await act(local('2025-11-06', '10:00'), c1.id, { type: 'propose', text: '增开挂号窗口并向投诉人致歉', finding: 'valid' });
  await act(local('2025-11-06', '15:00'), c1.id, { type: 'approve' }, zhouToken);
  await act(local('2025-11-07', '10:00'), c1.id, { type: 'respond', channel: 'phone', content: '已增开窗口，向您致歉' });
  await act(local('2025-11-08', '10:00'), c1.id, { type: 'followUp', method: 'phone', satisfaction: 5 });
  await act(local('2025-11-10', '10:00'), c1.id, { type: 'close' });
  const c2 = await register(local('2025-11-04', '09:00'), { channel: 'phone', complainant: { name: '李四', phone: '13900002222' } });
  at(local('2025-11-06', '09:00'));
  await desk.call('cases.act', { id: c2.id, action: { type: 'accept', departmentId: billing } });
  const c3 = await register(local('2025-11-05', '14:00'), { type: 'suggestion', complainant: { name: '王五' } });
  at(local('2025-11-05', '15:00'));
  await desk.call('cases.act', { id: c3.id, action: { type: 'decline', reason: '不属于受理范围' } });
  const c4 = await register(local('2025-11-10', '10:00'), {
    channel: 'phone',
    complainant: { name: '张三', phone: phoneA },
    respondent: { departmentId: outpatient, person: '李医生' },
  });
  const c6 = await register(local('2025-11-20', '10:00'), { type: 'helpRequest', channel: 'wechat', complainant: { name: '孙七' } });
  at(nowIso);
  return { desk, ids: { c1, c2, c3, c4, c5, c6 }, outpatient, billing, at };
}
