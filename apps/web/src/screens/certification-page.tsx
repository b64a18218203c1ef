import { Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { CertificationView } from '@jalon/contracts';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { CertificationForm } from '../certifications/certification-form';
import { plural } from '../ui/format';
import { CERTIFICATION_KIND_LABELS, levelLabel } from '../ui/labels';
import { BackTo, EditDialog, Facts, RecordHeader, RecordStates, SavedNotice, useEditing } from '../ui/record';

/** One certification: its fiche, its blocs and their competencies, and editing. */
export function CertificationPage() {
  const { certificationId } = useParams({ from: '/app/certifications/$certificationId' });
  const certification = useQuery({
    queryKey: ['certifications', 'one', certificationId],
    queryFn: () => unwrap(api.GET('/api/v1/certifications/{id}', { params: { path: { id: certificationId } } })),
  });
  return (
    <RecordStates query={certification} loading="Chargement de la certification…" missing="Certification introuvable" back={<BackTo to="/certifications" label="Toutes les certifications" />}>
      {(c) => <CertificationRecord certification={c} />}
    </RecordStates>
  );
}

function CertificationRecord({ certification: c }: { certification: CertificationView }) {
  const editing = useEditing();
  return (
    <>
      <RecordHeader title={c.title} subtitle={`${c.code} · ${CERTIFICATION_KIND_LABELS[c.kind]}`}>
        <Button onClick={editing.open}>Modifier la certification</Button>
      </RecordHeader>
      <SavedNotice editing={editing} />
      <Paper withBorder p="md" component="section" aria-label="Fiche de la certification">
        <Facts
          items={[
            ['Niveau', c.level === null ? 'Non précisé' : levelLabel(c.level)],
            ['Certificateur', c.certifier],
            ['Validité de la recevabilité', plural(c.admissibilityValidityMonths, 'mois', 'mois')],
            ['Parcours qui la suivent', c.pathwayCount],
          ]}
        />
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="blocs-certification">
        <Title order={2} size="h3" id="blocs-certification" mb="sm">
          {plural(c.blocs.length, 'bloc de compétences', 'blocs de compétences')}
        </Title>
        <Stack gap="md">
          {c.blocs.map((bloc) => (
            <section key={bloc.id} aria-labelledby={`bloc-${bloc.id}`}>
              <Title order={3} size="h4" id={`bloc-${bloc.id}`}>
                {bloc.code} — {bloc.title}
              </Title>
              <List size="sm" mt={4} spacing={2} aria-label={`Compétences du bloc ${bloc.code}`}>
                {bloc.competencies.map((k) => (
                  <List.Item key={k.id}>
                    <Text span fw={600} size="sm">
                      {k.code}
                    </Text>{' '}
                    {k.title}
                  </List.Item>
                ))}
              </List>
            </section>
          ))}
        </Stack>
      </Paper>
      <EditDialog opened={editing.opened} onClose={editing.close} title={`Modifier ${c.title}`} size="xl">
        <CertificationForm certification={c} onCancel={editing.close} onSaved={editing.saved} />
      </EditDialog>
    </>
  );
}
