import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, messageOf } from '../api/problem';
import type { useZodForm } from './use-zod-form';

/**
 * Sends a creation or edit form: checks it with its zod schema first, then
 * sends it. On success it empties the fields when given `empty`, refreshes
 * the queries under `refresh`, and says so (or hands the message to
 * `onSaved`, when the form closes or the message belongs elsewhere); on a
 * refusal the API's field errors go next to their fields and its message
 * above the button.
 */
export function useCreateForm<Input, Created>(options: {
  form: ReturnType<typeof useZodForm>;
  /** The fields of a blank form, to start again after a creation. */
  empty?: Record<string, unknown>;
  create: (input: Input) => Promise<Created>;
  refresh: readonly unknown[];
  savedMessage: (created: Created) => ReactNode;
  onSaved?: (created: Created, message: ReactNode) => unknown;
}) {
  const { form, empty } = options;
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<ReactNode>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: options.create,
    onSuccess: async (created) => {
      for (const [key, value] of Object.entries(empty ?? {})) form.setField(key, value);
      await queryClient.invalidateQueries({ queryKey: options.refresh });
      if (options.onSaved) await options.onSaved(created, options.savedMessage(created));
      else setSaved(options.savedMessage(created));
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
