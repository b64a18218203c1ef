import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { homeOf } from '../app/router';
import { LoginForm } from '../auth/login-form';

export function LoginPage() {
  const { redirect } = useSearch({ from: '/connexion' });
  const navigate = useNavigate();
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Stack>
          <div>
            <Title order={1} size="h2">
              Jalon
            </Title>
            <Text c="dimmed">Suivi des parcours VAE inversée</Text>
          </div>
          <LoginForm
            onSignedIn={(session) => {
              // Only a path of this site: never an address given by someone else.
              const target = redirect?.startsWith('/') && !redirect.startsWith('//') ? redirect : homeOf(session.role);
              void navigate({ href: target, replace: true });
            }}
          />
          <Text size="sm" c="dimmed">
            Mot de passe oublié ? Demandez une nouvelle invitation à votre chargé·e d’accompagnement.
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
