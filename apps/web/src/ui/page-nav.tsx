import { Group, Pagination, VisuallyHidden, type GroupProps } from '@mantine/core';

/** The page links under a list, when there is more than one page; each link says which page it is, and which is current. */
export function PageNav({ page, pages, onChange, ...position }: { page: number; pages: number; onChange: (page: number) => void } & Pick<GroupProps, 'mt' | 'p'>) {
  if (pages <= 1) return null;
  return (
    <Group justify="center" component="nav" aria-label="Pages de résultats" {...position}>
      <VisuallyHidden>
        Page {page} sur {pages}
      </VisuallyHidden>
      <Pagination
        total={pages}
        value={page}
        onChange={onChange}
        getItemProps={(n) => ({ 'aria-label': `Page ${n}`, 'aria-current': n === page ? 'page' : undefined })}
        getControlProps={(control) => ({ 'aria-label': { first: 'Première page', previous: 'Page précédente', next: 'Page suivante', last: 'Dernière page' }[control] })}
      />
    </Group>
  );
}
