import { Alert, Button, Group, List, Modal, Stack, Text, type ModalProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import type { Refusal } from './use-dialog-form';

/** A form in a dialog: the refusal above, the fields, then Annuler and the action. Escape or Annuler closes it. */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  refusal,
  pending,
  submitLabel = 'Valider',
  size = 'lg',
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: (event: FormEvent) => void;
  refusal: Refusal | null;
  pending: boolean;
  submitLabel?: string;
  size?: ModalProps['size'];
  children: ReactNode;
}) {
  return (
    <Modal opened onClose={onClose} title={title} centered size={size}>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack>
          {refusal && (
            <Alert color="red" role="alert" title={refusal.title}>
              {refusal.reasons.length === 1 ? (
                <Text size="sm">{refusal.reasons[0]}</Text>
              ) : (
                <List size="sm">
                  {refusal.reasons.map((r) => (
                    <List.Item key={r}>{r}</List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
