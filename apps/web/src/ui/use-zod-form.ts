import { useState } from 'react';
import { frenchMessage } from '@jalon/contracts';
import type { z } from 'zod';

/**
 * Form state checked with the shared zod schema of the API's request, so the
 * browser gives the same French messages as the server, before sending.
 */
export function useZodForm<S extends z.ZodType>(
  schema: S,
  initial: Record<string, unknown>,
  /** Turns the fields as typed into the request (empty fields left out, grouped fields…). */
  toRequest: (values: Record<string, unknown>) => Record<string, unknown> = (values) => values,
) {
  const [values, setValues] = useState<Record<string, unknown>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const setField = (name: string, value: unknown) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors(({ [name]: _cleared, ...rest }) => rest);
  };

  /** The parsed input, or null after showing each field's first problem; `extra`: what the request adds to the fields (an action, a version…). */
  const validate = (extra: Record<string, unknown> = {}): z.infer<S> | null => {
    const result = schema.safeParse({ ...toRequest(values), ...extra });
    if (result.success) return result.data;
    const found: Record<string, string> = {};
    for (const issue of result.error.issues) found[issue.path.join('.')] ??= frenchMessage(issue.message);
    setErrors(found);
    return null;
  };

  return { values, errors, setField, setErrors, validate };
}
