import { keepPreviousData } from '@tanstack/react-query';
import { deskQuery } from '../../shared/api/queries.ts';

/** The pickers' choices: categories, departments, handlers. */
export const registrationOptionsQuery = () => deskQuery('registration.options', {});

/** Category and severity suggested from what was typed so far; the last suggestion stays while the next loads. */
export const suggestionQuery = (text: string) => ({
  ...deskQuery('registration.suggest', { subject: text, content: '' }),
  enabled: text.trim() !== '',
  placeholderData: keepPreviousData,
});
