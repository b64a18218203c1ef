import { Badge, type BadgeProps } from '@mantine/core';
import type { PathwayStateValue } from '@jalon/contracts';
import { PATHWAY_STATE_LABELS, STATE_COLORS } from './labels';

/** A pathway's step, in its colour. */
export function StateBadge({ state, size }: { state: PathwayStateValue; size?: BadgeProps['size'] }) {
  return (
    <Badge color={STATE_COLORS[state]} variant="filled" size={size} styles={{ label: { textTransform: 'none' } }}>
      {PATHWAY_STATE_LABELS[state]}
    </Badge>
  );
}
