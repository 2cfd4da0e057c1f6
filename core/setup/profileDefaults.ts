import type { OrgProfile } from '../../domain/cases/vocabulary.ts';

/**
 * The departments and categories a new desk starts with, per profile, as keys of the `setup`
 * namespace: they are seeded in the language the wizard was run in, and editable afterwards.
 * Categories follow the regulations (service attitude, business handling, facilities, ...).
 */
export const profileDefaults: Record<OrgProfile, { departments: string[]; categories: string[] }> = {
  hospital: {
    departments: ['outpatient', 'emergency', 'inpatient', 'nursing', 'pharmacy', 'billing', 'logistics'],
    categories: ['attitude', 'medicalQuality', 'billing', 'waiting', 'facilities', 'hygiene', 'other'],
  },
  property: {
    departments: ['customerService', 'engineering', 'security', 'cleaning', 'landscaping', 'finance'],
    categories: ['attitude', 'repairs', 'fees', 'security', 'hygiene', 'facilities', 'other'],
  },
  serviceHall: {
    departments: ['frontDesk', 'businessWindows', 'approvals', 'logistics'],
    categories: ['attitude', 'businessHandling', 'waiting', 'facilities', 'hygiene', 'other'],
  },
};
