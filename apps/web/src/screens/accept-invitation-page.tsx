import { Alert, Button, Center, List, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { AcceptInvitationRequest, ErrorCode } from '@jalon/contracts';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ApiError, messageOf, unwrap } from '../api/problem';
import { homeOf } from '../app/router';
import { acceptInvitation } from '../auth/session';
import { useZodForm } from '../ui/use-zod-form';

/** The link of the invitation e-mail: choose a password, enter one's name, and one is in. */
export function AcceptInvitationPage() {
  const { token } = useSearch({ from: '/invitation' });
  const navigate = useNavigate();
  const form = useZodForm(AcceptInvitationRequest, { firstName: '', lastName: '', password: '' });
  const [confirmation, setConfirmation] = useState('');
  const [confirmationError, setConfirmationError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const rules = useQuery({ queryKey: ['password-rules'], queryFn: () => unwrap(api.GET('/api/v1/auth/password-rules')), staleTime: Infinity });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const input = form.validate({ token: token ?? '' });
    const same = confirmation === form.values['password'];
    setConfirmationError(same ? undefined : 'Les deux mots de passe ne sont pas identiques');
    if (!input || !same) return;
    setSending(true);
    try {
      const session = await acceptInvitation(input);
      void navigate({ to: homeOf(session.role), replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === ErrorCode.PasswordRejected) form.setErrors({ password: error.message });
      else setFailure(messageOf(error));
    } finally {
      setSending(false);
    }
  };

  const field = (name: string) => ({
    value: String(form.values[name] ?? ''),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => form.setField(name, e.currentTarget.value),
    error: form.errors[name],
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={480}>
        <Stack>
          <Title order={1} size="h2">
            Bienvenue sur Jalon
          </Title>
          {!token ? (
            <Alert color="red" role="alert" title="Lien incomplet">
              Ce lien d’invitation est incomplet. Ouvrez le lien reçu par e-mail tel quel, ou demandez une nouvelle invitation.
            </Alert>
          ) : (
            <form onSubmit={submit} noValidate aria-label="Créer mon compte">
              <Stack>
                <Text>Choisissez votre mot de passe pour activer votre compte.</Text>
                {failure && (
                  <Alert color="red" role="alert" title="Activation impossible">
                    {failure}
                  </Alert>
                )}
                <TextInput label="Prénom" autoComplete="given-name" required {...field('firstName')} />
                <TextInput label="Nom" autoComplete="family-name" required {...field('lastName')} />
                <div id="password-rules">
                  <Text size="sm" fw={600}>
                    Votre mot de passe
                  </Text>
                  <List size="sm">
                    <List.Item>{rules.data ? `au moins ${rules.data.minLength} caractères` : 'assez long'} : une phrase de plusieurs mots est idéale ;</List.Item>
                    <List.Item>pas un mot de passe courant ni votre adresse e-mail ;</List.Item>
                    <List.Item>uniquement pour Jalon, jamais réutilisé ailleurs.</List.Item>
                  </List>
                </div>
                <PasswordInput
                  label="Mot de passe"
                  autoComplete="new-password"
                  required
                  aria-describedby="password-rules"
                  visibilityToggleButtonProps={{ 'aria-label': 'Afficher ou masquer le mot de passe' }}
                  {...field('password')}
                />
                <PasswordInput
                  label="Confirmez le mot de passe"
                  autoComplete="new-password"
                  required
                  value={confirmation}
                  onChange={(e) => setConfirmation(e.currentTarget.value)}
                  error={confirmationError}
                  visibilityToggleButtonProps={{ 'aria-label': 'Afficher ou masquer la confirmation' }}
                />
                <Button type="submit" loading={sending}>
                  Activer mon compte
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
