import { Checkbox, MultiSelect, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import type { useZodForm } from './use-zod-form';

type Values = Record<string, unknown>;

interface Common {
  /** The request's field name, where the API reports its problems too. */
  name: string;
  label: string;
  help?: string;
  /** Shown (and sent) only when this holds. */
  when?: (values: Values) => boolean;
}

/** A form field described as data: the dialogs list their fields, this draws them. */
export type Field = Common &
  (
    | { kind: 'date' | 'text' | 'textarea'; optional?: boolean }
    | { kind: 'number'; optional?: boolean; min?: number; max?: number; suffix?: string }
    | { kind: 'select'; options: Record<string, string>; optional?: boolean }
    | { kind: 'checkbox' }
    /** Several among `choices` (given when drawn: a certification's blocs…). */
    | { kind: 'multi' }
  );

/** The fields' starting values: empty, unchecked, none chosen; `given` overrides them. */
export function initialValues(fields: readonly Field[], given: Values = {}): Values {
  return Object.fromEntries(fields.map((f) => [f.name, f.name in given ? given[f.name] : f.kind === 'checkbox' ? false : f.kind === 'multi' ? [] : '']));
}

/**
 * What is sent: the shown fields, the optional ones left out when empty (as
 * the shared schemas expect); a required one left empty stays, for the
 * schema's own message ("Motif requis").
 */
export function shownValues(fields: readonly Field[], values: Values): Values {
  return Object.fromEntries(fields.filter((f) => shown(f, values) && !blankOptional(f, values)).map((f) => [f.name, values[f.name]]));
}

/** In an edit: the shown optional fields among `fields` left empty, as null (the API clears them). */
export function emptiedValues(fields: readonly Field[], values: Values): Values {
  return Object.fromEntries(fields.filter((f) => shown(f, values) && blankOptional(f, values)).map((f) => [f.name, null]));
}

const shown = (f: Field, values: Values) => f.when?.(values) ?? true;
const blankOptional = (f: Field, values: Values) => 'optional' in f && f.optional === true && (values[f.name] === '' || values[f.name] === undefined);

export function FieldInput({ field, form, choices = [] }: { field: Field; form: ReturnType<typeof useZodForm>; choices?: string[] }) {
  if (field.when && !field.when(form.values)) return null;
  const common = { label: field.label, description: field.help, error: form.errors[field.name] };
  const text = String(form.values[field.name] ?? '');
  const setText = (e: { currentTarget: { value: string } }) => form.setField(field.name, e.currentTarget.value);
  switch (field.kind) {
    case 'date':
    case 'text':
      return <TextInput type={field.kind} required={!field.optional} value={text} onChange={setText} {...common} />;
    case 'textarea':
      return <Textarea required={!field.optional} autosize minRows={2} value={text} onChange={setText} {...common} />;
    case 'number':
      return (
        <NumberInput
          required={!field.optional}
          min={field.min}
          max={field.max}
          suffix={field.suffix}
          decimalSeparator=","
          allowNegative={false}
          value={form.values[field.name] as number | string}
          onChange={(v) => form.setField(field.name, v)}
          {...common}
        />
      );
    case 'select':
      return (
        <Select
          required={!field.optional}
          clearable={field.optional}
          allowDeselect={field.optional}
          data={Object.entries(field.options).map(([value, label]) => ({ value, label }))}
          value={text || null}
          onChange={(v) => form.setField(field.name, v ?? '')}
          {...common}
        />
      );
    case 'checkbox':
      return <Checkbox label={field.label} description={field.help} checked={form.values[field.name] === true} onChange={(e) => form.setField(field.name, e.currentTarget.checked)} />;
    case 'multi':
      return <MultiSelect data={choices} value={(form.values[field.name] as string[]) ?? []} onChange={(v) => form.setField(field.name, v)} {...common} />;
  }
}
