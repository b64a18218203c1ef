import { Button, Paper } from '@mantine/core';
import type { CandidateView } from '@jalon/contracts';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { CandidateForm } from '../candidates/candidate-form';
import { formatDate, formatPhone, fullName } from '../ui/format';
import { PUBLIC_CATEGORY_LABELS, levelLabel } from '../ui/labels';
import { PathwayTable } from '../ui/pathway-table';
import { BackTo, EditDialog, Facts, RecordHeader, RecordStates, SavedNotice, useEditing } from '../ui/record';

/** One person accompanied: their record, which can be edited, and their pathways. */
export function CandidatePage() {
  const { candidateId } = useParams({ from: '/app/personnes/$candidateId' });
  const candidate = useQuery({
    queryKey: ['candidates', 'one', candidateId],
    queryFn: () => unwrap(api.GET('/api/v1/candidates/{id}', { params: { path: { id: candidateId } } })),
  });
  return (
    <RecordStates query={candidate} loading="Chargement de la fiche…" missing="Personne introuvable" back={<BackTo to="/personnes" label="Toutes les personnes accompagnées" />}>
      {(c) => <CandidateRecord candidate={c} />}
    </RecordStates>
  );
}

function CandidateRecord({ candidate: c }: { candidate: CandidateView }) {
  const editing = useEditing();
  return (
    <>
      <RecordHeader title={fullName(c)} subtitle={`Fiche créée le ${formatDate(c.createdAt)}`}>
        <Button onClick={editing.open}>Modifier la fiche</Button>
      </RecordHeader>
      <SavedNotice editing={editing} />
      <Paper withBorder p="md" component="section" aria-label="Fiche">
        <Facts
          items={[
            ['Date de naissance', formatDate(c.birthDate)],
            ['Niveau de qualification', levelLabel(c.qualificationLevel)],
            ['Adresse e-mail', c.email],
            ['Téléphone', c.phone && formatPhone(c.phone)],
            ['Diplôme le plus élevé', c.highestQualification],
            ['Public prioritaire', c.publicCategory ? (PUBLIC_CATEGORY_LABELS[c.publicCategory as keyof typeof PUBLIC_CATEGORY_LABELS] ?? c.publicCategory) : 'Aucun'],
            ['Prescripteur', c.prescriber],
          ]}
        />
      </Paper>
      <PathwayTable filter={{ candidateId: c.id }} title="Ses parcours" empty="Aucun parcours pour cette personne" />
      <EditDialog opened={editing.opened} onClose={editing.close} title={`Modifier la fiche de ${fullName(c)}`}>
        <CandidateForm candidate={c} onCancel={editing.close} onSaved={editing.saved} />
      </EditDialog>
    </>
  );
}
