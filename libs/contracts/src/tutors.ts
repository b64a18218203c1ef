import { z } from 'zod';
import { IdSchema, PageQuery } from './common.js';

/** The GEIQ's company tutors, to choose one for a placement; `employerId`: only those of that member company. */
export const ListTutorsQuery = PageQuery.extend({ employerId: IdSchema.optional() });
export type ListTutorsInput = z.infer<typeof ListTutorsQuery>;

export interface TutorView {
  /** What a placement names (`tutorMembershipId`). */
  membershipId: string;
  firstName: string;
  lastName: string;
  email: string;
  /** The member company the tutor belongs to, when known. */
  employer: { id: string; name: string } | null;
  /** Alternants the tutor follows today (current placements of open pathways). */
  currentAlternants: number;
}
