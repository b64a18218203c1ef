import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { ReminderSettingsRequest, type ReminderSettings } from '@jalon/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ApiError, messageOf, unwrap } from '../api/problem';
import { ErrorState, FormOutcome, Loading } from '../ui/states';
import { useZodForm } from '../ui/use-zod-form';

type Key = keyof ReminderSettings;

/** Every setting, in French, with what it changes (DESIGN.md §5). Lists are typed as « 90, 30 ». */
const FIELDS: { key: Key; label: string; help: string; list?: boolean }[] = [
  { key: 'opcoFilingDueAfterStartDays', label: 'Dépôt OPCO à relancer', help: 'Jours après le début du contrat, s’il n’est pas déposé' },
  { key: 'trialEndingLeadDays', label: 'Fin de la période d’essai', help: 'Jours avant la fin de l’essai' },
  { key: 'contractEndingLeadDays', label: 'Fin du contrat', help: 'Jours avant la fin prévue, séparés par des virgules', list: true },
  { key: 'afestReflectionDueAfterDays', label: 'Séquence réflexive AFEST', help: 'Jours après la mise en situation' },
  { key: 'admissibilityCheckAfterDays', label: 'Relance de la recevabilité', help: 'Jours après le dossier complet, sans réponse' },
  { key: 'admissibilityExpiringLeadDays', label: 'Fin de validité de la recevabilité', help: 'Jours avant la fin, séparés par des virgules', list: true },
  { key: 'juryUpcomingLeadDays', label: 'Jury à venir', help: 'Jours avant le jury, séparés par des virgules', list: true },
  { key: 'juryResultMissingAfterDays', label: 'Résultat du jury à saisir', help: 'Jours après le jury' },
  { key: 'tutorSilentDays', label: 'Tuteur sans saisie', help: 'Jours sans saisie avant de relancer le tuteur' },
  { key: 'tutorSilentEscalationDays', label: 'Tuteur sans saisie : alerte', help: 'Jours sans saisie avant d’alerter le ou la chargé·e d’accompagnement' },
  { key: 'inactiveDays', label: 'Parcours inactif', help: 'Jours sans activité sur le parcours' },
];
const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

function toForm(settings: ReminderSettings): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
}

/** « 90, 30 » → [90, 30]; « 7 » → 7; the shared schema then says what is wrong, in French. */
function fromForm(values: Record<string, unknown>): Record<string, unknown> {
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => {
      const field = FIELDS.find((f) => f.key === k);
      if (k === 'sendTime') return [k, v];
      return [k, field?.list ? String(v).split(/[,;\s]+/).filter(Boolean).map(number) : number(String(v))];
    }),
  );
}

export function ReminderSettingsPage() {
  const settings = useQuery({ queryKey: ['settings', 'reminders'], queryFn: () => unwrap(api.GET('/api/v1/settings/reminders')) });
  return (
    <Stack maw={900}>
      <Title order={1}>Rappels</Title>
      <Text>Quand Jalon prévient les chargé·es d’accompagnement, les tuteurs et les alternant·es. Les délais fixés par la loi (OPCO, certificateur) ne se règlent pas ici.</Text>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm initial={settings.data as ReminderSettings} />
      )}
    </Stack>
  );
}

function SettingsForm({ initial }: { initial: ReminderSettings }) {
  const queryClient = useQueryClient();
  const form = useZodForm(ReminderSettingsRequest, toForm(initial));
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => unwrap(api.PATCH('/api/v1/settings/reminders', { body })),
    onSuccess: (next) => {
      queryClient.setQueryData(['settings', 'reminders'], next);
      setSaved('Réglages enregistrés : les rappels à venir des parcours sont replanifiés.');
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setErrors(error.fieldErrors);
      setFailure(messageOf(error));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setFailure(null);
    const parsed = form.validate(fromForm(form.values));
    if (parsed) save.mutate(parsed);
  };
  const text = (key: Key) => ({ value: String(form.values[key] ?? ''), onChange: (e: React.ChangeEvent<HTMLInputElement>) => form.setField(key, e.currentTarget.value), error: form.errors[key] });

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label="Réglages des rappels">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="time" label="Heure d’envoi" description="Heure de Paris" required {...text('sendTime')} />
            <Select
              label="Récapitulatif de la semaine"
              description="Jour d’envoi aux chargé·es d’accompagnement"
              data={WEEKDAYS.map((day, i) => ({ value: String(i + 1), label: day }))}
              value={String(form.values['weeklyDigestIsoWeekday'])}
              onChange={(v) => form.setField('weeklyDigestIsoWeekday', v ?? '1')}
            />
            {FIELDS.map((f) => (
              <TextInput key={f.key} label={f.label} description={f.help} inputMode={f.list ? 'text' : 'numeric'} required {...text(f.key)} />
            ))}
          </SimpleGrid>
          <FormOutcome failure={failure} failureTitle="Réglages non enregistrés" success={saved} successTitle="C’est fait" />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Enregistrer
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
