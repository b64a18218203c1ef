import { useEffect, useRef } from 'react';
import type { ZodForm } from './use-zod-form';

/**
 * A list of rows in a form (blocs, competencies, contacts) that the person
 * adds to and removes from. Focus follows, for keyboard and screen reader
 * users: to the first field of a new row (`${id}-${index}`), and after a
 * removal to the list's add button (`${id}-add`).
 */
export function useRows<Row>(form: ZodForm, path: string, id: string, blank: () => Row) {
  const rows = (form.valueAt(path) as Row[] | undefined) ?? [];
  // Where the focus goes once the change is on screen (the render after the click).
  const focus = useRef<string | null>(null);
  useEffect(() => {
    if (!focus.current) return;
    document.getElementById(focus.current)?.focus();
    focus.current = null;
  });
  return {
    rows,
    /** The id of a row's first field, which receives the focus when the row is added. */
    firstFieldId: (index: number) => `${id}-${index}`,
    addId: `${id}-add`,
    add: () => {
      form.setField(path, [...rows, blank()]);
      focus.current = `${id}-${rows.length}`;
    },
    remove: (index: number) => {
      form.setField(path, rows.filter((_, i) => i !== index));
      focus.current = `${id}-add`;
    },
  };
}
