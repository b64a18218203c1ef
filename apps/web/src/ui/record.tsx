import { Alert, Anchor, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/problem';
import { Empty, ErrorState, Loading } from './states';

type ListPath = '/personnes' | '/entreprises' | '/certifications';

/** The link back to the list a record page was opened from. */
export function BackTo({ to, label }: { to: ListPath; label: string }) {
  return (
    <Anchor size="sm" renderRoot={(props) => <Link to={to} {...props} />}>
      ← {label}
    </Anchor>
  );
}

/**
 * A record page under its link back to the list: loading, not there (or not
 * in this GEIQ: the API answers 404), failed with a retry, or the record.
 */
export function RecordStates<T>({ query, loading, missing, back, children }: { query: UseQueryResult<T>; loading: string; missing: string; back: ReactNode; children: (record: T) => ReactNode }) {
  if (query.isPending) return <Loading label={loading} />;
  const gone = query.isError && query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
  return (
    <Stack>
      {back}
      {gone ? (
        <Empty title={missing}>Elle n’existe pas, a été retirée, ou n’appartient pas à votre GEIQ.</Empty>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        children(query.data)
      )}
    </Stack>
  );
}

/** A record page's heading, with what can be done on the right. */
export function RecordHeader({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Title order={1}>{title}</Title>
        {subtitle && <Text c="dimmed">{subtitle}</Text>}
      </div>
      {children}
    </Group>
  );
}

/** Label and value pairs, as a description list; missing values show a dash. */
export function Facts({ items }: { items: [label: string, value: ReactNode][] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="xs" m={0}>
      {items.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0}>
            {value === null || value === undefined || value === '' ? '—' : value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

/** Editing a record, in a dialog: focus goes into it and comes back to the button that opened it. */
export function EditDialog({ opened, onClose, title, size = 'lg', children }: { opened: boolean; onClose: () => void; title: string; size?: string; children: ReactNode }) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered={size !== 'xl'}>
      {children}
    </Modal>
  );
}

/** A record page's edit dialog, and the confirmation left on the page once it is saved and closed. */
export function useEditing() {
  const [opened, { open, close }] = useDisclosure();
  const [notice, setNotice] = useState<ReactNode>(null);
  return {
    opened,
    close,
    notice,
    dismiss: () => setNotice(null),
    open: () => {
      setNotice(null);
      open();
    },
    saved: (_: unknown, message: ReactNode) => {
      setNotice(message);
      close();
    },
  };
}

export function SavedNotice({ editing }: { editing: ReturnType<typeof useEditing> }) {
  if (!editing.notice) return null;
  return (
    <Alert color="teal.9" variant="outline" role="status" title="C’est fait" withCloseButton closeButtonLabel="Fermer" onClose={editing.dismiss}>
      {editing.notice}
    </Alert>
  );
}
