import { ErrorCode } from '@jalon/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/problem';
import type { Refusal } from '../ui/use-dialog-form';

/**
 * A dialog's `explain` for a pathway changed by someone else meanwhile (409
 * VERSION_CONFLICT): the page reloads the pathway and says what to check
 * before trying again; null for any other refusal.
 */
export function explainVersionConflict(queryClient: QueryClient, pathwayId: string, check: string) {
  return (error: unknown): Refusal | null => {
    if (!(error instanceof ApiError && error.code === ErrorCode.VersionConflict)) return null;
    void queryClient.invalidateQueries({ queryKey: ['pathways', 'one', pathwayId] });
    return { title: 'Ce parcours vient d’être modifié', reasons: [`La page a été mise à jour : ${check} puis recommencez.`] };
  };
}
