import { describe, expect, it } from 'vitest';
import { intakePromptsFor } from '../cases/intakePrompts.ts';

describe('the prompts a hospital desk gives at intake', () => {
  it('remind of the medical record in a dispute over care, by the text or the category', () => {
    expect(intakePromptsFor('hospital', '医生误诊导致病情加重', null)).toEqual(['medicalRecord']);
    expect(intakePromptsFor('hospital', '对治疗结果有异议', null)).toEqual(['medicalRecord']);
    expect(intakePromptsFor('hospital', '对结果有异议', 'medicalQuality')).toEqual(['medicalRecord']);
    expect(intakePromptsFor('hospital', 'The surgery went wrong', null)).toEqual(['medicalRecord']);
  });

  it('ask the department to seal the items after an infusion or transfusion, and tell a bereaved family of the autopsy', () => {
    expect(intakePromptsFor('hospital', '输液后出现过敏反应', null)).toEqual(['medicalRecord', 'sealItems']);
    expect(intakePromptsFor('hospital', '父親輸血後去世', null)).toEqual(['autopsy', 'medicalRecord', 'sealItems']);
  });

  it('stay silent for an ordinary complaint and outside a hospital', () => {
    expect(intakePromptsFor('hospital', '挂号窗口排队过久，态度冷淡', 'waiting')).toEqual([]);
    expect(intakePromptsFor('property', '业主输液后去世', null)).toEqual([]);
  });
});
