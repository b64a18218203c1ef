import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';

/** The blocs (with their competencies) a pathway works towards: its target blocs, or the whole certification. */
export function usePathwayBlocs(pathwayId: string) {
  return useQuery({
    queryKey: ['pathways', 'competencies', pathwayId],
    queryFn: async () => {
      const pathway = await unwrap(api.GET('/api/v1/pathways/{id}', { params: { path: { id: pathwayId } } }));
      const certification = await unwrap(api.GET('/api/v1/certifications/{id}', { params: { path: { id: pathway.certification.id } } }));
      const targets = new Set(pathway.targetBlocCodes);
      return certification.blocs.filter((b) => targets.size === 0 || targets.has(b.code));
    },
  });
}

export type PathwayBloc = NonNullable<ReturnType<typeof usePathwayBlocs>['data']>[number];
