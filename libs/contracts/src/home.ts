import type { Deadline } from './dashboard.js';
import type { PathwayStateValue } from './pathways.js';

/** One alternant on a tutor's or an employer contact's home page. */
export interface AlternantSummary {
  pathwayId: string;
  candidate: { firstName: string; lastName: string };
  certification: { code: string; title: string };
  state: PathwayStateValue;
  employer: { id: string; name: string } | null;
  lastEntryDate: string | null;
  /** Share of the pathway's competencies whose latest level is ACQUIRED (0 to 1). */
  acquiredShare: number;
  nextDeadline: Pick<Deadline, 'kind' | 'dueOn' | 'overdue'> | null;
}

/**
 * `GET /home`: what a tutor, an employer contact or a candidate sees first.
 * Tutors and employer contacts get their alternants; a candidate gets their
 * own pathway with its next steps and deadlines.
 */
export interface HomeView {
  role: 'TUTOR' | 'EMPLOYER' | 'CANDIDATE';
  alternants: AlternantSummary[];
  /** For a candidate: what comes next, in French, from the pathway's state. */
  nextSteps: string[];
  deadlines: Pick<Deadline, 'kind' | 'dueOn' | 'overdue'>[];
}
