import { Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * A choice among records searched on the server as one types (people,
 * companies: there can be many), accents and case left to the API. The
 * chosen record stays shown whatever the next search finds.
 */
export function SearchSelect({
  label,
  queryKey,
  search,
  value,
  onChange,
  initial,
  error,
  placeholder = 'Tapez pour rechercher',
  nothingFound,
  help,
  required = true,
}: {
  label: string;
  /** The list's cache key; the search is added to it. */
  queryKey: readonly unknown[];
  /** The options matching `q` (all, first ones, when undefined). */
  search: (q: string | undefined) => Promise<ComboboxItem[]>;
  value: string;
  onChange: (value: string) => void;
  /** The option chosen before the dialog opened, when there is one. */
  initial?: ComboboxItem;
  error?: string;
  placeholder?: string;
  nothingFound: string;
  help?: string;
  /** Optional choices can be cleared. */
  required?: boolean;
}) {
  const [typed, setTyped] = useState(initial?.label ?? '');
  const [chosen, setChosen] = useState<ComboboxItem | null>(initial ?? null);
  // A form emptied after sending empties the field too.
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if (!value) {
      setChosen(null);
      setTyped('');
    }
  }
  // Typing the chosen option's label back (Mantine does on choosing) is no new search.
  const [q] = useDebouncedValue(typed.trim() && typed !== chosen?.label ? typed.trim() : undefined, 300);
  const options = useQuery({ queryKey: [...queryKey, q], queryFn: () => search(q), placeholderData: keepPreviousData });
  const found = options.data ?? [];
  const data = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  return (
    <Select
      label={label}
      description={help}
      required={required}
      clearable={!required}
      searchable
      placeholder={options.isError ? 'Liste indisponible, réessayez' : placeholder}
      nothingFoundMessage={options.isFetching ? 'Recherche…' : options.isError ? 'La recherche n’a pas abouti' : nothingFound}
      data={data}
      // The server has filtered already.
      filter={({ options: all }) => all}
      searchValue={typed}
      onSearchChange={setTyped}
      value={value || null}
      onChange={(next, option) => {
        setChosen(next ? option : null);
        onChange(next ?? '');
      }}
      error={error}
    />
  );
}
