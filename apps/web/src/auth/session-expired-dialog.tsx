import { Modal, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { LoginForm } from './login-form';
import { useSession } from './session';

/**
 * When a session ends while a page is in use, the page stays mounted (what
 * was being typed is kept) under this sign-in dialog. Signing in again as the
 * same person resumes; another person starts afresh.
 */
export function SessionExpiredDialog() {
  const { status, session } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const previousUser = session?.user.id;

  return (
    <Modal
      opened={status === 'expired'}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      centered
      title="Votre session a expiré"
    >
      <Text size="sm" mb="md">
        Reconnectez-vous pour continuer : la page et ce que vous avez saisi restent en place.
      </Text>
      <LoginForm
        email={session?.user.email}
        submitLabel="Se reconnecter"
        onSignedIn={(next) => {
          if (next.user.id === previousUser) {
            void queryClient.invalidateQueries();
          } else {
            queryClient.clear();
            void navigate({ to: '/' });
          }
        }}
      />
    </Modal>
  );
}
