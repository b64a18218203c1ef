import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../api/problem';
import type { useZodForm } from './use-zod-form';

/**
 * Sends a creation form: checks it with its zod schema first, then posts it.
 * On success it says so (or hands the answer to `onCreated`), empties the
 * fields and refreshes the lists under `refresh`; on a refusal the API's field errors go next to their fields and
 * its message above the button.
 */
export function useCreateForm<Input, Created>(options: {
  form: ReturnType<typeof useZodForm>;
  empty: Record<string, unknown>;
  create: (input: Input) => Promise<Created>;
  refresh: readonly unknown[];
  savedMessage?: (created: Created) => string;
  onCreated?: (created: Created) => void;
}) {
  const { form, empty } = options;
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: options.create,
    onSuccess: async (created) => {
      if (options.savedMessage) setSaved(options.savedMessage(created));
      options.onCreated?.(created);
      for (const [key, value] of Object.entries(empty)) form.setField(key, value);
      await queryClient.invalidateQueries({ queryKey: options.refresh });
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
