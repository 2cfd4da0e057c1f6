import { useMutation } from '@tanstack/react-query';
import type { DeskMethod } from '../../../domain/api/deskApi.ts';
import { invalidate } from '../../shared/api/queries.ts';
import { deskErrorMessage } from '../../shared/errors.ts';

/**
 * One administrator's change (create, rename, disable, enable): when it succeeds, every screen
 * showing one of `touches` reads again; a refusal is answered in `error`, in the user's language.
 */
export function useAdminChange(touches: DeskMethod[]) {
  const mutation = useMutation({
    mutationFn: (change: () => Promise<unknown>) => change(),
    onSuccess: () => invalidate(...touches),
  });
  return {
    run: (change: () => Promise<unknown>) => mutation.mutate(change),
    /** The same, answering whether it went through (a form clears itself only then). */
    succeeded: (change: () => Promise<unknown>) =>
      mutation.mutateAsync(change).then(
        () => true,
        () => false,
      ),
    error: mutation.error ? deskErrorMessage(mutation.error) : null,
  };
}

/** What a change to the accounts touches: the lists of people and the handler pickers. */
export const userLists: DeskMethod[] = ['users.list', 'users.directory', 'cases.handlers'];
/** What a change to departments or categories touches: their lists and the registration pickers. */
export const referenceLists = (kind: 'departments' | 'categories'): DeskMethod[] => [`${kind}.list`, 'registration.options'];
