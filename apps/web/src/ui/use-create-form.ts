import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../api/problem';
import type { useZodForm } from './use-zod-form';

/**
 * Sends a creation form (or a change made in a dialog): checks it with its
 * zod schema first, then sends it. On success it says so, empties the fields,
 * refreshes the lists under `refresh`, then calls `onSaved`; on a refusal the
 * API's field errors go next to their fields and its message above the button.
 */
export function useCreateForm<Input, Created>(options: {
  form: ReturnType<typeof useZodForm>;
  empty: Record<string, unknown>;
  create: (input: Input) => Promise<Created>;
  refresh: readonly unknown[];
  savedMessage: (created: Created) => string;
  onSaved?: (created: Created, message: string) => unknown;
}) {
  const { form, empty } = options;
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: options.create,
    onSuccess: async (created) => {
      const message = options.savedMessage(created);
      setSaved(message);
      for (const [key, value] of Object.entries(empty)) form.setField(key, value);
      await queryClient.invalidateQueries({ queryKey: options.refresh });
      await options.onSaved?.(created, message);
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setErrors(error.fieldErrors);
      setFailure(messageOf(error));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setFailure(null);
    const input = form.validate() as Input | null;
    if (input) create.mutate(input);
  };
  return { submit, saved, failure, pending: create.isPending };
}
