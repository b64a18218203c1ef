import { Button, Checkbox, Group, Select, SimpleGrid, Text, TextInput, type ComboboxItem } from '@mantine/core';
import {
  CreateContractRequest,
  CreatePlacementRequest,
  UpdateContractRequest,
  UpdatePlacementRequest,
  type ContractView,
  type CreatePlacementInput,
  type PathwayView,
  type PlacementView,
  type TutorView,
} from '@jalon/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { FormDialog } from '../ui/form-dialog';
import { filled } from '../ui/form-values';
import { emptiedValues, FieldInput, initialValues, shownValues, type Field } from '../ui/form-fields';
import { formatDate, fullName, plural, todayInParis } from '../ui/format';
import { OPCO_DECISION_LABELS } from '../ui/labels';
import { searchEmployers } from '../ui/record-selects';
import { SearchSelect } from '../ui/search-select';
import { choicePlaceholder } from '../ui/states';
import { useDialogForm } from '../ui/use-dialog-form';
import { useZodForm } from '../ui/use-zod-form';

const CONTRACT_KIND_LABELS = { VAE_INVERSEE: 'Contrat de professionnalisation VAE inversée', ORDINARY: 'Contrat de professionnalisation ordinaire' };

/** The contract's fields (contracts' ContractFields); the rules (length, trial, pay…) are checked by the API, which says which field breaks one. */
const CONTRACT_FIELDS: Field[] = [
  { name: 'kind', label: 'Type de contrat', kind: 'select', options: CONTRACT_KIND_LABELS },
  { name: 'payPercentOfSmic', label: 'Rémunération', kind: 'number', suffix: ' % du SMIC', min: 1, max: 300, help: 'Le minimum dépend de l’âge et du niveau : Jalon le vérifie.' },
  { name: 'startDate', label: 'Début du contrat', kind: 'date' },
  { name: 'plannedEndDate', label: 'Fin prévue', kind: 'date' },
  { name: 'trialEndDate', label: 'Fin de la période d’essai', kind: 'date', optional: true },
  { name: 'weeklyHours', label: 'Durée hebdomadaire', kind: 'number', suffix: ' h', min: 1, max: 48, optional: true },
  { name: 'opco', label: 'OPCO', kind: 'text', optional: true },
  { name: 'opcoFiledOn', label: 'Transmis à l’OPCO le', kind: 'date', optional: true, help: 'Nécessaire pour démarrer le parcours.' },
  { name: 'opcoDecision', label: 'Décision de l’OPCO', kind: 'select', options: OPCO_DECISION_LABELS },
  { name: 'annualFundingEur', label: 'Prise en charge annuelle', kind: 'number', suffix: ' €', min: 0, optional: true },
  {
    name: 'branchAgreementAllows24Months',
    label: 'Jusqu’à 24 mois permis (accord de branche ou public prioritaire)',
    kind: 'checkbox',
    when: (v) => v['kind'] === 'ORDINARY',
  },
];

/** Recorded on a running contract only: its early end. */
const TERMINATION_FIELDS: Field[] = [
  { name: 'actualEndDate', label: 'Rupture : dernier jour du contrat', kind: 'date', optional: true },
  // Asked once the day is known: the contract's view does not tell them, an edit must not reset them.
  { name: 'terminationReason', label: 'Motif de la rupture', kind: 'textarea', optional: true, when: (v) => v['actualEndDate'] !== '' },
  { name: 'terminatedInTrial', label: 'Rupture pendant la période d’essai', kind: 'checkbox', when: (v) => v['actualEndDate'] !== '' },
];

const fieldIn = (fields: Field[]) => (path: string) => fields.some((f) => f.name === path);

/** After a change of contract or placement: the pathway's page (actions, reminders, history) is read again. */
function useRefreshPathway(pathwayId: string) {
  const queryClient = useQueryClient();
  return async (pathway?: PathwayView) => {
    if (pathway) queryClient.setQueryData(['pathways', 'one', pathwayId], pathway);
    await queryClient.invalidateQueries({ queryKey: ['pathways'] });
  };
}

/** Records the contract, a renewal, or changes the current one (`contract`). */
export function ContractDialog({ pathway, contract, renewal = false, onClose }: { pathway: PathwayView; contract?: ContractView; renewal?: boolean; onClose: () => void }) {
  const refresh = useRefreshPathway(pathway.id);
  const fields = contract ? [...CONTRACT_FIELDS, ...TERMINATION_FIELDS] : CONTRACT_FIELDS;
  const stored = contract ? Object.fromEntries(Object.entries(contract).map(([k, v]) => [k, v ?? ''])) : { kind: 'VAE_INVERSEE', opcoDecision: 'PENDING' };
  // Editing, a detail emptied is sent as null: the contract no longer has it (the rupture's fields are not cleared this way).
  const form = useZodForm(contract ? UpdateContractRequest : CreateContractRequest, initialValues(fields, stored), (values) =>
    contract ? { ...shownValues(fields, values), ...emptiedValues(CONTRACT_FIELDS, values) } : shownValues(fields, values),
  );
  const { submit, refusal, pending } = useDialogForm({
    form,
    isField: fieldIn(fields),
    send: (body: Record<string, unknown>) =>
      contract
        ? unwrap(api.PATCH('/api/v1/pathways/{id}/contracts/{contractId}', { params: { path: { id: pathway.id, contractId: contract.id } }, body: body as never }))
        : unwrap(api.POST('/api/v1/pathways/{id}/contracts', { params: { path: { id: pathway.id } }, body: body as never })),
    onSent: async () => {
      await refresh();
      onClose();
    },
    refusedTitle: 'Contrat non enregistré',
  });
  const title = contract ? 'Modifier le contrat' : renewal ? 'Renouvellement du contrat' : 'Enregistrer le contrat';
  const draw = (list: Field[]) => list.map((field) => <FieldInput key={field.name} field={field} form={form} />);
  return (
    <FormDialog title={title} onClose={onClose} onSubmit={(event) => submit(event, renewal ? { isRenewal: true } : {})} refusal={refusal} pending={pending} submitLabel="Enregistrer le contrat" size="xl">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>{draw(CONTRACT_FIELDS)}</SimpleGrid>
      {contract && (
        <>
          <Text fw={600} size="sm">
            En cas de rupture anticipée
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>{draw(TERMINATION_FIELDS)}</SimpleGrid>
        </>
      )}
    </FormDialog>
  );
}

const tutorsOf = (employerId: string | undefined) => unwrap(api.GET('/api/v1/tutors', { params: { query: { employerId, pageSize: 100 } } }));

const tutorOption = (t: TutorView): ComboboxItem => ({
  value: t.membershipId,
  label: `${fullName(t)}${t.employer ? ` (${t.employer.name})` : ''} – ${t.currentAlternants ? plural(t.currentAlternants, 'alternant·e suivi·e', 'alternant·es suivi·es') : 'aucun·e alternant·e'}`,
});

/** The company's tutors first, then the GEIQ's others. */
function useTutorChoices(employerId: string) {
  const all = useQuery({ queryKey: ['tutors', 'all'], queryFn: () => tutorsOf(undefined) });
  const ofCompany = useQuery({ queryKey: ['tutors', employerId], queryFn: () => tutorsOf(employerId), enabled: !!employerId });
  const company = ofCompany.data?.items ?? [];
  const others = (all.data?.items ?? []).filter((t) => !company.some((c) => c.membershipId === t.membershipId));
  const groups = [
    { group: 'Tuteurs de cette entreprise', items: company.map(tutorOption) },
    { group: employerId ? 'Autres tuteurs du GEIQ' : 'Tuteurs du GEIQ', items: others.map(tutorOption) },
  ].filter((g) => g.items.length > 0);
  return { groups, isPending: all.isPending, isError: all.isError || ofCompany.isError };
}

/** Places the alternant with a member company and its tutor, under the pathway's latest contract. */
export function PlacementDialog({ pathway, contract, onClose }: { pathway: PathwayView; contract: ContractView; onClose: () => void }) {
  const refresh = useRefreshPathway(pathway.id);
  const first = pathway.placements.length === 0;
  const form = useZodForm(CreatePlacementRequest, { employerId: '', tutorMembershipId: '', tutorIsEmployer: false, startDate: first ? contract.startDate : '', endDate: '' }, filled);
  const { submit, refusal, pending } = useDialogForm({
    form,
    isField: (path) => ['employerId', 'tutorMembershipId', 'tutorIsEmployer', 'startDate', 'endDate'].includes(path),
    send: (body: CreatePlacementInput) => unwrap(api.POST('/api/v1/pathways/{id}/placements', { params: { path: { id: pathway.id } }, body })),
    onSent: async (updated) => {
      await refresh(updated);
      onClose();
    },
    refusedTitle: 'Mise à disposition non enregistrée',
  });
  const employerId = String(form.values['employerId']);
  const tutors = useTutorChoices(employerId);
  const date = (name: string) => ({ value: String(form.values[name]), onChange: (e: ChangeEvent<HTMLInputElement>) => form.setField(name, e.currentTarget.value), error: form.errors[name] });
  return (
    <FormDialog title="Nouvelle mise à disposition" onClose={onClose} onSubmit={(event) => submit(event, { contractId: contract.id })} refusal={refusal} pending={pending} submitLabel="Enregistrer">
      <SearchSelect
        label="Entreprise d’accueil"
        queryKey={['employers', 'choice']}
        search={searchEmployers}
        value={employerId}
        onChange={(id) => form.setField('employerId', id)}
        error={form.errors['employerId']}
        placeholder="Raison sociale"
        nothingFound="Aucune entreprise : ajoutez-la dans « Entreprises adhérentes »"
      />
      <Select
        label="Tuteur en entreprise"
        required
        searchable
        placeholder={choicePlaceholder(tutors, 'Choisir le tuteur', 'Tuteurs indisponibles, réessayez')}
        nothingFoundMessage="Aucun tuteur : invitez-le depuis « Invitations » (rôle tuteur en entreprise)"
        data={tutors.groups}
        value={String(form.values['tutorMembershipId']) || null}
        onChange={(id) => form.setField('tutorMembershipId', id ?? '')}
        error={form.errors['tutorMembershipId']}
      />
      <Checkbox
        label="Le tuteur est l’employeur lui-même (chef d’entreprise)"
        checked={form.values['tutorIsEmployer'] === true}
        onChange={(e) => form.setField('tutorIsEmployer', e.currentTarget.checked)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label="Début" required description={`Pendant le contrat (du ${formatDate(contract.startDate)} au ${formatDate(contract.plannedEndDate)})`} {...date('startDate')} />
        <TextInput type="date" label="Fin prévue" description="Facultatif" {...date('endDate')} />
      </SimpleGrid>
    </FormDialog>
  );
}

/** Ends a placement (the alternant leaves the company, or changes tutor). */
export function EndPlacementDialog({ pathway, placement, onClose }: { pathway: PathwayView; placement: PlacementView; onClose: () => void }) {
  const refresh = useRefreshPathway(pathway.id);
  const fields: Field[] = [{ name: 'endDate', label: 'Dernier jour dans l’entreprise', kind: 'date' }];
  const form = useZodForm(UpdatePlacementRequest, initialValues(fields));
  const { submit, refusal, pending } = useDialogForm({
    form,
    isField: fieldIn(fields),
    send: (body: { endDate: string }) =>
      unwrap(api.PATCH('/api/v1/pathways/{id}/placements/{placementId}', { params: { path: { id: pathway.id, placementId: placement.id } }, body })),
    onSent: async (updated) => {
      await refresh(updated);
      onClose();
    },
    refusedTitle: 'Fin non enregistrée',
  });
  return (
    <FormDialog title="Terminer la mise à disposition" onClose={onClose} onSubmit={submit} refusal={refusal} pending={pending} submitLabel="Enregistrer la fin" size="md">
      <Text size="sm">
        {placement.employer.name}, avec {fullName(placement.tutor)}, depuis le {formatDate(placement.startDate)}.
      </Text>
      <FieldInput field={fields[0]!} form={form} />
    </FormDialog>
  );
}

/** A renewal is for a new attempt at the jury, or a contract over. */
const AFTER_A_JURY: string[] = ['PARTIALLY_CERTIFIED', 'NOT_CERTIFIED'];

type Open = { dialog: 'contract' | 'renewal' | 'placement' } | { dialog: 'end'; placement: PlacementView } | null;

/** The coordinator's buttons of the "Contrat et placement" section, and their dialogs. */
export function ContractActions({ pathway }: { pathway: PathwayView }) {
  const [open, setOpen] = useState<Open>(null);
  const contract = pathway.contracts.at(-1);
  const close = () => setOpen(null);
  const current = pathway.placements.filter((p) => !p.endDate);
  return (
    <>
      <Group gap="xs" mt="sm" role="group" aria-label="Contrat et placement : actions">
        <Button size="xs" variant={contract ? 'default' : 'filled'} onClick={() => setOpen({ dialog: 'contract' })}>
          {contract ? 'Modifier le contrat' : 'Enregistrer le contrat'}
        </Button>
        {contract && (
          <Button size="xs" variant={pathway.placements.length ? 'default' : 'filled'} onClick={() => setOpen({ dialog: 'placement' })}>
            Ajouter une mise à disposition
          </Button>
        )}
        {current.map((p) => (
          <Button key={p.id} size="xs" variant="default" onClick={() => setOpen({ dialog: 'end', placement: p })} aria-label={`Terminer la mise à disposition chez ${p.employer.name}`}>
            Terminer la mise à disposition{current.length > 1 ? ` (${p.employer.name})` : ''}
          </Button>
        ))}
        {contract && (contract.actualEndDate || contract.plannedEndDate < todayInParis() || AFTER_A_JURY.includes(pathway.state)) && (
          <Button size="xs" variant="default" onClick={() => setOpen({ dialog: 'renewal' })}>
            Enregistrer un renouvellement
          </Button>
        )}
      </Group>
      {open?.dialog === 'contract' && <ContractDialog pathway={pathway} contract={contract} onClose={close} />}
      {open?.dialog === 'renewal' && <ContractDialog pathway={pathway} renewal onClose={close} />}
      {open?.dialog === 'placement' && contract && <PlacementDialog pathway={pathway} contract={contract} onClose={close} />}
      {open?.dialog === 'end' && <EndPlacementDialog pathway={pathway} placement={open.placement} onClose={close} />}
    </>
  );
}
