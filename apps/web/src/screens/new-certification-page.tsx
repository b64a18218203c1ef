import { Paper, Stack, Text, Title } from '@mantine/core';
import { CertificationForm } from '../certifications/certification-form';
import { BackTo } from '../ui/record';

/** A certification entered from its fiche (France compétences, the branch): its blocs and their competencies. */
export function NewCertificationPage() {
  return (
    <Stack>
      <BackTo to="/certifications" label="Toutes les certifications" />
      <Title order={1}>Nouvelle certification</Title>
      <Text c="dimmed">Recopiez la fiche de la certification : ses blocs de compétences, et pour chacun les compétences que le tuteur observera.</Text>
      <Paper withBorder p="md">
        <CertificationForm />
      </Paper>
    </Stack>
  );
}
