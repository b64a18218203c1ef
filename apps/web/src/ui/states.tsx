import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { Page } from '@jalon/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { messageOf } from '../api/problem';

/** Loading, empty and error states, the same everywhere. */
export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text c="dimmed">{label}</Text>
      </Stack>
    </Center>
  );
}

export function Empty({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <Stack align="center" gap={4} py="xl">
      <Text fw={600}>{title}</Text>
      {children && <Text c="dimmed" ta="center">{children}</Text>}
    </Stack>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert color="red" title="Impossible d’afficher ces informations" role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{messageOf(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Réessayer
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** A select's placeholder as its options load, if they could not, and once they are there. */
export function choicePlaceholder(options: { isPending: boolean; isError: boolean }, ready: string, unavailable: string): string {
  return options.isPending ? 'Chargement…' : options.isError ? unavailable : ready;
}

/** What became of a form just sent: the refusal, or the confirmation. */
export function FormOutcome({ failure, failureTitle, success, successTitle }: { failure: string | null; failureTitle: string; success: React.ReactNode; successTitle: string }) {
  if (failure) {
    return (
      <Alert color="red" role="alert" title={failureTitle}>
        {failure}
      </Alert>
    );
  }
  return success ? (
    <Alert color="teal.9" variant="outline" role="status" title={successTitle}>
      {success}
    </Alert>
  ) : null;
}

/**
 * A list's page as it loads: the loading, error and empty states, else the
 * count (announced to screen readers as it changes) and `children`.
 */
export function ListResult<T>({
  query,
  loading,
  empty,
  count,
  children,
}: {
  query: UseQueryResult<Page<T>>;
  loading?: string;
  empty: React.ReactNode;
  count?: (total: number) => string;
  children: (page: Page<T>) => React.ReactNode;
}) {
  if (query.isPending) return <Loading label={loading} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <>{empty}</>;
  return (
    <>
      {count && (
        <Text fw={600} aria-live="polite" mb="xs">
          {count(query.data.total)}
        </Text>
      )}
      {children(query.data)}
    </>
  );
}

/** The end of a form: what became of it, the button that sends it, and « Annuler » when it sits in a dialog. */
export function FormFooter({
  outcome,
  failureTitle,
  submitLabel,
  onCancel,
}: {
  outcome: { failure: string | null; saved: React.ReactNode; pending: boolean };
  failureTitle: string;
  submitLabel: string;
  onCancel?: () => void;
}) {
  return (
    <>
      <FormOutcome failure={outcome.failure} failureTitle={failureTitle} success={outcome.saved} successTitle="C’est fait" />
      <Group>
        <Button type="submit" loading={outcome.pending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            Annuler
          </Button>
        )}
      </Group>
    </>
  );
}
