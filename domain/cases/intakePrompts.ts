import type { OrgProfile } from './vocabulary.ts';

/**
 * What a hospital's desk must tell at once, while the complainant is still there (regulation
 * 004, 受理程序 (九)): the family of a patient who died is told about the autopsy; in a dispute
 * over the medical care the patient is reminded of the right to copy and seal the medical
 * record; a complaint about an infusion or transfusion has the department reminded to seal
 * the items concerned. Suggested from the text and the chosen category; the receptionist says
 * which were given, and the case records it.
 */
export const intakePrompts = ['autopsy', 'medicalRecord', 'sealItems'] as const;
export type IntakePrompt = (typeof intakePrompts)[number];

const deathWords = ['死亡', '去世', '过世', '過世', '病故', '身亡', '离世', '離世', '死了', 'died', 'death', 'deceased', 'passed away'];
const careDisputeWords = [
  '医疗纠纷',
  '醫療糾紛',
  '医疗事故',
  '醫療事故',
  '误诊',
  '誤診',
  '漏诊',
  '漏診',
  '治疗',
  '治療',
  '手术',
  '手術',
  '用药',
  '用藥',
  '并发症',
  '併發症',
  '后遗症',
  '後遺症',
  '病历',
  '病歷',
  '抢救',
  '搶救',
  'misdiagnos',
  'malpractice',
  'surgery',
  'treatment',
  'medical record',
];
const infusionWords = ['输液', '輸液', '输血', '輸血', '点滴', '點滴', '吊瓶', '打吊针', '打吊針', 'infusion', 'transfusion', 'iv drip'];

/** The categories of the hospital profile that are about the care itself (core/setup/profileDefaults.ts). */
const careCategories = ['medicalQuality'];

const mentions = (text: string, words: readonly string[]) => words.some((w) => text.includes(w));

/** The prompts the intake so far calls for, in the regulation's order; none outside a hospital. */
export function intakePromptsFor(profile: OrgProfile, text: string, categoryKey: string | null): IntakePrompt[] {
  if (profile !== 'hospital') return [];
  const lower = text.toLowerCase();
  const death = mentions(lower, deathWords);
  const infusion = mentions(lower, infusionWords);
  const careDispute =
    death || infusion || mentions(lower, careDisputeWords) || (categoryKey !== null && careCategories.includes(categoryKey));
  return intakePrompts.filter((p) => (p === 'autopsy' ? death : p === 'medicalRecord' ? careDispute : infusion));
}
