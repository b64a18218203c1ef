import { Anchor, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';

export function NotFoundPage() {
  return (
    <Center mih="60vh" p="md" component="main">
      <Stack align="center">
        <Title order={1} size="h2">
          Page introuvable
        </Title>
        <Text>Cette adresse ne correspond à aucune page de Jalon.</Text>
        <Anchor renderRoot={(props) => <Link to="/" {...props} />}>Retour à l’accueil</Anchor>
      </Stack>
    </Center>
  );
}
