import { Badge } from '@mantine/core';

/** A short state in a table cell (« Actif », « En attente »): as typed, never cut by a narrow column. */
export function StatusBadge({ color, children }: { color: string; children: React.ReactNode }) {
  return (
    <Badge color={color} miw="max-content" styles={{ label: { textTransform: 'none' } }}>
      {children}
    </Badge>
  );
}
