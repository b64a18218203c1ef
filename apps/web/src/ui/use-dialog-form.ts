import { ErrorCode } from '@jalon/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../api/problem';
import type { useZodForm } from './use-zod-form';

/** Why the API refused a form, shown above its fields. */
export interface Refusal {
  title: string;
  reasons: string[];
}

/**
 * An API refusal, split: each message about one of the form's fields goes
 * next to it, the others (and the rule's explanation) above the form.
 */
export function splitRefusal(error: unknown, isField: (path: string) => boolean, refusedTitle: string): { fieldErrors: Record<string, string>; refusal: Refusal } {
  if (!(error instanceof ApiError) || !error.problem?.errors?.length) return { fieldErrors: {}, refusal: { title: 'Action impossible', reasons: [messageOf(error)] } };
  const errors = error.problem.errors;
  const fieldErrors = Object.fromEntries(errors.filter((e) => isField(e.path)).map((e) => [e.path, e.message]));
  const others = errors.filter((e) => !isField(e.path)).map((e) => e.message);
  const invalid = error.code === ErrorCode.ValidationFailed;
  return {
    fieldErrors,
    refusal: { title: invalid ? 'Informations à corriger' : refusedTitle, reasons: others.length ? others : ['Corrigez ce qui est signalé ci-dessous.'] },
  };
}

/**
 * Sends a dialog's form: checks it with its zod schema first, then sends it;
 * on success hands the answer over (to close the dialog), on a refusal shows
 * the API's messages by field and its rule above the form.
 */
export function useDialogForm<Input, Answer>(options: {
  form: ReturnType<typeof useZodForm>;
  /** Whether an error path names one of the form's fields. */
  isField: (path: string) => boolean;
  send: (input: Input) => Promise<Answer>;
  onSent: (answer: Answer) => Promise<void> | void;
  refusedTitle?: string;
  /** A refusal the form explains its own way (a version conflict…); null for the usual explanation. */
  explain?: (error: unknown) => Refusal | null;
}) {
  const { form } = options;
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const mutation = useMutation({
    mutationFn: options.send,
    onSuccess: options.onSent,
    onError: (error) => {
      const own = options.explain?.(error);
      if (own) return setRefusal(own);
      const split = splitRefusal(error, options.isField, options.refusedTitle ?? 'Enregistrement refusé');
      form.setErrors(split.fieldErrors);
      setRefusal(split.refusal);
    },
  });
  /** `extra`: values to check and send beyond the fields (the pathway's version…). */
  const submit = (event: FormEvent, extra: Record<string, unknown> = {}) => {
    event.preventDefault();
    setRefusal(null);
    const input = form.validate(extra) as Input | null;
    if (input) mutation.mutate(input);
  };
  return { submit, refusal, pending: mutation.isPending };
}
