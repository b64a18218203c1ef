import { MultiSelect, Text, type ComboboxItem } from '@mantine/core';
import { CreatePathwayRequest, type CreatePathwayInput } from '@jalon/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { CertificationSelect, useCertifications } from '../ui/certification-select';
import { CertificationCohortSelect } from '../ui/cohort-select';
import { FormDialog } from '../ui/form-dialog';
import { filled } from '../ui/form-values';
import { searchCandidates } from '../ui/record-selects';
import { SearchSelect } from '../ui/search-select';
import { useDialogForm } from '../ui/use-dialog-form';
import { useZodForm } from '../ui/use-zod-form';

const FIELDS = ['candidateId', 'certificationId', 'targetBlocCodes', 'cohortId'];

/**
 * Opens a pathway: who, which certification (whole, or some of its blocs),
 * in which cohort; then shows the new pathway's page. `candidate`: chosen
 * already (from the person's row).
 */
export function NewPathwayDialog({ candidate, onClose }: { candidate?: ComboboxItem; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const certifications = useCertifications();
  const form = useZodForm(CreatePathwayRequest, { candidateId: candidate?.value ?? '', certificationId: '', targetBlocCodes: [], cohortId: '' }, filled);
  const { submit, refusal, pending } = useDialogForm({
    form,
    isField: (path) => FIELDS.includes(path),
    send: (body: CreatePathwayInput) => unwrap(api.POST('/api/v1/pathways', { body })),
    onSent: async (pathway) => {
      queryClient.setQueryData(['pathways', 'one', pathway.id], pathway);
      await queryClient.invalidateQueries({ queryKey: ['pathways', 'list'] });
      await queryClient.invalidateQueries({ queryKey: ['cohorts'] });
      onClose();
      await navigate({ to: '/parcours/$pathwayId', params: { pathwayId: pathway.id } });
    },
    refusedTitle: 'Parcours non ouvert',
  });
  const certificationId = String(form.values['certificationId']);
  const certification = certifications.data?.items.find((c) => c.id === certificationId);
  const chooseCertification = (id: string) => {
    form.setField('certificationId', id);
    // Blocs and cohort belong to the certification chosen before.
    form.setField('targetBlocCodes', []);
    form.setField('cohortId', '');
  };

  return (
    <FormDialog title="Nouveau parcours" onClose={onClose} onSubmit={submit} refusal={refusal} pending={pending} submitLabel="Ouvrir le parcours">
      {candidate ? (
        <Text>
          Personne accompagnée : <strong>{candidate.label}</strong>
        </Text>
      ) : (
        <SearchSelect
          label="Personne accompagnée"
          queryKey={['candidates', 'choice']}
          search={searchCandidates}
          value={String(form.values['candidateId'])}
          onChange={(id) => form.setField('candidateId', id)}
          error={form.errors['candidateId']}
          placeholder="Nom ou prénom"
          nothingFound="Aucune personne : enregistrez-la d’abord dans « Personnes accompagnées »"
        />
      )}
      <CertificationSelect value={certificationId} onChange={chooseCertification} error={form.errors['certificationId']} />
      {certification && certification.blocs.length > 0 && (
        <MultiSelect
          label="Blocs de compétences visés"
          description="Laissez vide pour viser la certification complète."
          placeholder={(form.values['targetBlocCodes'] as string[]).length ? undefined : 'Certification complète'}
          data={certification.blocs.map((b) => ({ value: b.code, label: `${b.code} – ${b.title}` }))}
          value={form.values['targetBlocCodes'] as string[]}
          onChange={(codes) => form.setField('targetBlocCodes', codes)}
          error={form.errors['targetBlocCodes']}
        />
      )}
      <CertificationCohortSelect certificationId={certificationId} value={String(form.values['cohortId'])} onChange={(id) => form.setField('cohortId', id)} error={form.errors['cohortId']} />
      <Text size="sm" c="dimmed">
        Vous en serez le ou la chargé·e d’accompagnement référent·e.
      </Text>
    </FormDialog>
  );
}
