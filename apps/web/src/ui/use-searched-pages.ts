import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

/**
 * A list's search box and page: what is typed shows at once, the search
 * (`q`, undefined when empty) follows 300 ms after the last key and goes back
 * to the first page.
 */
export function useSearchedPages() {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const searchFor = useDebouncedCallback((value: string) => {
    setQ(value.trim() || undefined);
    setPage(1);
  }, 300);
  const type = (value: string) => {
    setTyped(value);
    searchFor(value);
  };
  return { typed, type, q, page, setPage };
}
