import { z } from 'zod';

export const CreateCommentRequest = z.strictObject({
  body: z.string().trim().min(1, { error: 'Le commentaire est vide' }).max(4000),
  /** Shown to the candidate too (by default only staff, the tutor and the employer contact see comments). */
  sharedWithCandidate: z.boolean().default(false),
});
export type CreateCommentInput = z.infer<typeof CreateCommentRequest>;

export interface CommentView {
  id: string;
  body: string;
  sharedWithCandidate: boolean;
  author: { id: string; firstName: string; lastName: string };
  createdAt: string;
}

export const TIMELINE_ITEM_TYPES = ['STATUS_CHANGE', 'PROGRESS_ENTRY', 'AFEST_STEP', 'DOCUMENT', 'COMMENT', 'REMINDER'] as const;
export type TimelineItemType = (typeof TIMELINE_ITEM_TYPES)[number];

/** One event of a pathway's life, newest first in `GET /pathways/:id/timeline`. */
export interface TimelineItem {
  type: TimelineItemType;
  /** The record the item comes from (history row, entry, cycle, document, comment). */
  id: string;
  at: string;
  actor: { id: string; firstName: string; lastName: string } | null;
  /** A short French sentence for the timeline. */
  summary: string;
  data: Record<string, unknown>;
}
