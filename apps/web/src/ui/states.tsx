import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
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
