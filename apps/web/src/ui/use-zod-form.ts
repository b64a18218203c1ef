import { useState, type ChangeEvent } from 'react';
import { frenchMessage } from '@jalon/contracts';
import type { z } from 'zod';

/**
 * Form state checked with the shared zod schema of the API's request, so the
 * browser gives the same French messages as the server, before sending.
 * Fields are named by dotted paths, as the API reports its errors
 * (`name`, `blocs.0.competencies.1.title`): lists of rows hold arrays.
 */
export function useZodForm<S extends z.ZodType>(
  schema: S,
  initial: Record<string, unknown>,
  /** Turns the fields as typed into the request (empty fields left out, grouped fields…). */
  toRequest: (values: Record<string, unknown>) => Record<string, unknown> = (values) => values,
) {
  const [values, setValues] = useState<Record<string, unknown>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const valueAt = (path: string): unknown => path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], values);

  /** Sets a field, or a whole list of rows, and clears the messages about it and what it holds. */
  const setField = (path: string, value: unknown) => {
    setValues((current) => setAt(current, path.split('.'), value) as Record<string, unknown>);
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => key !== path && !key.startsWith(`${path}.`))));
  };

  /** What a text input needs: its value, its changes and its message. */
  const input = (path: string) => ({
    value: String(valueAt(path) ?? ''),
    onChange: (event: ChangeEvent<HTMLInputElement>) => setField(path, event.currentTarget.value),
    error: errors[path],
  });

  /** The parsed input, or null after showing each field's first problem; `extra`: what the request adds to the fields (an action, a version…). */
  const validate = (extra: Record<string, unknown> = {}): z.infer<S> | null => {
    const result = schema.safeParse({ ...toRequest(values), ...extra });
    if (result.success) return result.data;
    const found: Record<string, string> = {};
    for (const issue of result.error.issues) found[issue.path.join('.')] ??= frenchMessage(issue.message);
    setErrors(found);
    return null;
  };

  return { values, errors, valueAt, setField, input, setErrors, validate };
}

export type ZodForm = ReturnType<typeof useZodForm>;

/** A copy of `target` with `value` at `path`, copying only the objects and arrays on the way. */
function setAt(target: unknown, path: string[], value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  if (Array.isArray(target)) {
    const copy = [...(target as unknown[])];
    copy[Number(key)] = setAt(copy[Number(key)], rest, value);
    return copy;
  }
  const object = (target ?? {}) as Record<string, unknown>;
  return { ...object, [key]: setAt(object[key], rest, value) };
}
