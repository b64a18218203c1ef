import { Card, SegmentedControl, Stack, Text } from '@mantine/core';
import type { CompetencyLevelValue } from '@jalon/contracts';
import type { Dispatch, SetStateAction } from 'react';
import type { PathwayBloc } from './use-pathway-blocs';

/** A competency's level as the tutor sees it. */
export const COMPETENCY_LEVEL_LABELS: Record<CompetencyLevelValue, string> = {
  NOT_STARTED: 'Non abordée',
  IN_PROGRESS: 'En cours',
  ACQUIRED: 'Acquise',
};

/** The levels offered by a segmented control, with a first choice for “no opinion this time”. */
export const NOT_ASSESSED = 'NONE';
export const LEVEL_CHOICES = [{ value: NOT_ASSESSED, label: 'Aucun avis' }, ...Object.entries(COMPETENCY_LEVEL_LABELS).map(([value, label]) => ({ value, label }))];

/** The levels chosen, without the competencies left at “no opinion”. */
export function assessmentsOf(levels: Record<string, string>): { competencyId: string; level: CompetencyLevelValue }[] {
  return Object.entries(levels)
    .filter(([, level]) => level !== NOT_ASSESSED)
    .map(([competencyId, level]) => ({ competencyId, level: level as CompetencyLevelValue }));
}

/**
 * One group per bloc, one segmented control per competency: a tap sets its
 * level. `nested` (inside a card already) drops the groups' frame, so that the
 * four choices keep their width on a 360 px phone.
 */
export function CompetencyLevelPicker({
  blocs,
  levels,
  onChange,
  nested = false,
}: {
  blocs: PathwayBloc[];
  levels: Record<string, string>;
  onChange: Dispatch<SetStateAction<Record<string, string>>>;
  nested?: boolean;
}) {
  return blocs.map((bloc) => (
    <Card key={bloc.id} withBorder={!nested} padding={nested ? 0 : 'sm'} component="fieldset" style={{ margin: 0, minWidth: 0, ...(nested && { border: 0 }) }}>
      <Text component="legend" fw={700} size="sm" px={4}>
        {bloc.code} – {bloc.title}
      </Text>
      <Stack gap="sm">
        {bloc.competencies.map((c) => (
          <div key={c.id}>
            <Text size="sm" mb={4} id={`competency-${c.id}`}>
              {c.code} – {c.title}
            </Text>
            <SegmentedControl
              fullWidth
              size="xs"
              data={LEVEL_CHOICES}
              styles={{ label: { paddingInline: 2 } }}
              aria-labelledby={`competency-${c.id}`}
              value={levels[c.id] ?? NOT_ASSESSED}
              onChange={(level) => onChange((l) => ({ ...l, [c.id]: level }))}
            />
          </div>
        ))}
      </Stack>
    </Card>
  ));
}
