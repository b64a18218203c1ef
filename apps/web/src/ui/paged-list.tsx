import { Paper, Table, TextInput, Title } from '@mantine/core';
import type { Page } from '@jalon/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PageNav } from './page-nav';
import { Empty, ListResult } from './states';
import type { useSearchedPages } from './use-searched-pages';

const PAGE_SIZE = 20;

/** A list fetched a page of 20 at a time, the previous page staying on screen while the next one loads. */
export function usePagedList<T>(key: readonly unknown[], page: number, fetch: (page: { page: number; pageSize: number }) => Promise<Page<T>>) {
  const list = useQuery({ queryKey: [...key, page], queryFn: () => fetch({ page, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  return { list, pages };
}

/**
 * A list's section: its heading, the search box when it has one, then the
 * page in its states (loading, failed with a retry, empty, or how many were
 * found and the table), and the page links.
 */
export function ListSection<T>({
  id,
  title,
  search,
  list,
  loading,
  empty,
  emptyHint,
  count,
  page,
  children,
}: {
  id: string;
  title: string;
  search?: { label: string; placeholder: string; state: ReturnType<typeof useSearchedPages> };
  list: ReturnType<typeof usePagedList<T>>;
  loading: string;
  empty: string;
  emptyHint?: ReactNode;
  count: (total: number) => string;
  page: { page: number; setPage: (page: number) => void };
  children: (items: T[]) => ReactNode;
}) {
  const { list: query, pages } = list;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {search && (
        <TextInput
          label={search.label}
          placeholder={search.placeholder}
          type="search"
          value={search.state.typed}
          onChange={(e) => search.state.type(e.currentTarget.value)}
          w={{ base: '100%', sm: 300 }}
          mb="sm"
        />
      )}
      <ListResult query={query} loading={loading} empty={<Empty title={empty}>{emptyHint}</Empty>} count={count}>
        {(data) => <Table.ScrollContainer minWidth={560}>{children(data.items)}</Table.ScrollContainer>}
      </ListResult>
      <PageNav page={page.page} pages={pages} onChange={page.setPage} mt="sm" />
    </Paper>
  );
}
