import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { LoginRequest } from '@jalon/contracts';
import { useState, type FormEvent } from 'react';
import { messageOf } from '../api/problem';
import { useZodForm } from '../ui/use-zod-form';
import { login, type SessionInfo } from './session';

/** E-mail and password, checked with the API's own schema; the API's refusals shown in French. */
export function LoginForm({ onSignedIn, email = '', submitLabel = 'Se connecter' }: { onSignedIn: (session: SessionInfo) => void; email?: string; submitLabel?: string }) {
  const form = useZodForm(LoginRequest, { email, password: '' });
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const input = form.validate();
    if (!input) return;
    setSending(true);
    try {
      onSignedIn(await login(input));
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Connexion">
      <Stack>
        {failure && (
          <Alert color="red" role="alert" title="Connexion impossible">
            {failure}
          </Alert>
        )}
        <TextInput
          label="Adresse e-mail"
          type="email"
          autoComplete="username"
          required
          value={String(form.values['email'] ?? '')}
          onChange={(e) => form.setField('email', e.currentTarget.value)}
          error={form.errors['email']}
        />
        <PasswordInput
          label="Mot de passe"
          autoComplete="current-password"
          required
          value={String(form.values['password'] ?? '')}
          onChange={(e) => form.setField('password', e.currentTarget.value)}
          error={form.errors['password']}
          visibilityToggleButtonProps={{ 'aria-label': 'Afficher ou masquer le mot de passe' }}
        />
        <Button type="submit" loading={sending} fullWidth>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
