import type { OrgProfile, RecordType, Severity } from '../cases/vocabulary.ts';
import type { DeadlineClock, DeadlinePolicy } from './deadline.ts';

const days = (amount: number, severalDepartments?: number): DeadlineClock =>
  severalDepartments ? { unit: 'workingDays', amount, severalDepartments } : { unit: 'workingDays', amount };
const hours = (amount: number): DeadlineClock => ({ unit: 'hours', amount });

/**
 * Presets from the regulations in ../shared/regulations (file:line):
 *
 * Hospital
 * - acknowledge within 1 working day: "收到投诉后，应在1个工作日内决定是否受理" (001:119);
 * - first feedback within 5 working days, 10 when several departments must work together:
 *   "一般应当于5个工作日内向投诉人反馈…涉及多个科室…应当于10个工作日内" (000:94-96),
 *   "一般投诉首次反馈原则上5个工作日内完成" (004:91);
 * - resolve within 15 working days: "接到投诉之日起15个工作日内完成处理工作" (001:14); several
 *   departments add the same 5 working days the hospital rule adds to the feedback (000:96);
 * - major complaints are reported to leadership within 12 hours: "重大投诉…应在12小时内向公司
 *   领导报告" (001:292); major matters are dealt with within 5 days (004:111);
 * - safety matters (urgent) are acted on at once: "应当立即采取积极措施" (000:88).
 *
 * Property office
 * - acknowledge within 1 working day (001:119);
 * - non-urgent matters resolved within two days, safety within 10 minutes on site:
 *   "紧急情况的须10分钟内人员到位跟进解决；非紧急的一般情况应在两天内解决" (002:109); we give
 *   the first feedback in 2 working days;
 * - investigation finished within 7 working days, 3 more for complex cases: "受理投诉后7个工作日内
 *   完成调查…情况复杂的…可以延长3个工作日" (001:120-121): resolve 7, 10 with several departments;
 * - safety and facility failures handled the same day: "必须在接到投诉的当天立即派员进行处理"
 *   (004:141): urgent cases acknowledge within 1 hour and resolve within 1 working day.
 *
 * Service hall
 * - acknowledge within 1 working day (001:119); answer within 7 working days, 10 with the
 *   3-day allowance for complex cases (001:120-121); complete within 15 working days (001:14),
 *   18 with several departments (the same 3 days);
 * - major complaints: preliminary investigation in 2 working days and a solution in 7:
 *   "对于重大投诉，将在2个工作日内完成初步调查，并在7个工作日内给出解决方案" (001:159);
 *   reported within 12 hours (001:292).
 *
 * Repair requests at a property office follow the repair rule "在一个工作日内提出解决办法"
 * (002:259): first feedback within 1 working day.
 */
const presets: Record<OrgProfile, Record<Severity, DeadlinePolicy>> = {
  hospital: {
    general: { acknowledge: days(1), feedback: days(5, 10), resolve: days(15, 20) },
    major: { acknowledge: hours(12), feedback: days(5, 10), resolve: days(5, 10) },
    urgent: { acknowledge: hours(2), feedback: days(1), resolve: days(5, 10) },
  },
  property: {
    general: { acknowledge: days(1), feedback: days(2), resolve: days(7, 10) },
    major: { acknowledge: hours(12), feedback: days(2), resolve: days(7, 10) },
    urgent: { acknowledge: hours(1), feedback: hours(8), resolve: days(1, 2) },
  },
  serviceHall: {
    general: { acknowledge: days(1), feedback: days(7, 10), resolve: days(15, 18) },
    major: { acknowledge: hours(12), feedback: days(2), resolve: days(7, 10) },
    urgent: { acknowledge: hours(2), feedback: days(1), resolve: days(5, 8) },
  },
};

export function presetPolicy(profile: OrgProfile, severity: Severity, type: RecordType = 'complaint'): DeadlinePolicy {
  const policy = presets[profile][severity];
  if (profile === 'property' && type === 'repairRequest' && severity === 'general') return { ...policy, feedback: days(1) };
  return policy;
}
