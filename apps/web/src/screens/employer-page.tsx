import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import type { EmployerView } from '@jalon/contracts';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { EmployerForm } from '../employers/employer-form';
import { formatDate, formatPhone, formatSiret } from '../ui/format';
import { PathwayTable } from '../ui/pathway-table';
import { BackTo, EditDialog, Facts, RecordHeader, RecordStates, SavedNotice, useEditing } from '../ui/record';

/** One member company: its record and contacts, which can be edited, and the alternants placed with it. */
export function EmployerPage() {
  const { employerId } = useParams({ from: '/app/entreprises/$employerId' });
  const employer = useQuery({
    queryKey: ['employers', 'one', employerId],
    queryFn: () => unwrap(api.GET('/api/v1/employers/{id}', { params: { path: { id: employerId } } })),
  });
  return (
    <RecordStates query={employer} loading="Chargement de l’entreprise…" missing="Entreprise introuvable" back={<BackTo to="/entreprises" label="Toutes les entreprises adhérentes" />}>
      {(e) => <EmployerRecord employer={e} />}
    </RecordStates>
  );
}

function EmployerRecord({ employer: e }: { employer: EmployerView }) {
  const editing = useEditing();
  return (
    <>
      <RecordHeader title={e.name} subtitle={`SIRET ${formatSiret(e.siret)} · adhérente enregistrée le ${formatDate(e.createdAt)}`}>
        <Button onClick={editing.open}>Modifier l’entreprise</Button>
      </RecordHeader>
      <SavedNotice editing={editing} />
      <Paper withBorder p="md" component="section" aria-label="Fiche de l’entreprise">
        <Facts
          items={[
            ['Adresse', [e.addressLine, [e.postalCode, e.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')],
            ['Code NAF', e.nafCode],
            ['IDCC', e.idcc],
            ['OPCO', e.opco],
          ]}
        />
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="contacts-entreprise">
        <Title order={2} size="h3" id="contacts-entreprise" mb="sm">
          Contacts
        </Title>
        {e.contacts.length === 0 ? (
          <Text c="dimmed">Aucun contact enregistré.</Text>
        ) : (
          <Stack gap="sm">
            {e.contacts.map((contact, i) => (
              <div key={i}>
                <Text fw={600}>
                  {contact.name}
                  {contact.role ? ` — ${contact.role}` : ''}
                </Text>
                <Text size="sm">{[contact.email, contact.phone && formatPhone(contact.phone)].filter(Boolean).join(' · ') || 'Ni e-mail ni téléphone'}</Text>
              </div>
            ))}
          </Stack>
        )}
      </Paper>
      <PathwayTable filter={{ employerId: e.id }} title="Alternant·es placé·es dans l’entreprise" empty="Aucun·e alternant·e placé·e ici pour le moment" />
      <EditDialog opened={editing.opened} onClose={editing.close} title={`Modifier ${e.name}`}>
        <EmployerForm employer={e} onCancel={editing.close} onSaved={editing.saved} />
      </EditDialog>
    </>
  );
}
