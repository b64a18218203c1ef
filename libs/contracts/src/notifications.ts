import { z } from 'zod';
import { CursorQuery } from './progress.js';

export const ListNotificationsQuery = CursorQuery.extend({ unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional() });
export type ListNotificationsInput = z.infer<typeof ListNotificationsQuery>;

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationsPage {
  items: NotificationView[];
  nextCursor: string | null;
  unreadCount: number;
}

/** Per reminder kind, whether the user also wants an e-mail (in-app notifications always happen). */
export const EmailPreferencesRequest = z.strictObject({
  preferences: z.array(z.strictObject({ kind: z.string().min(1).max(50), email: z.boolean() })).max(50),
});
export type EmailPreferencesInput = z.infer<typeof EmailPreferencesRequest>;

export interface ReminderView {
  id: string;
  kind: string;
  dueAt: string;
  status: 'PLANNED' | 'QUEUED' | 'SENT' | 'CANCELLED' | 'FAILED';
  recipients: string[];
  sentAt: string | null;
  lastError: string | null;
}

/** Tenant reminder settings: lead times and thresholds in days (DESIGN.md §5). */
export const ReminderSettingsRequest = z.strictObject({
  sendTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Heure invalide (HH:MM)' }).optional(),
  opcoFilingDueAfterStartDays: z.number().int().min(0).max(5).optional(),
  trialEndingLeadDays: z.number().int().min(0).max(60).optional(),
  contractEndingLeadDays: z.array(z.number().int().min(1).max(365)).min(1).max(5).optional(),
  afestReflectionDueAfterDays: z.number().int().min(1).max(60).optional(),
  admissibilityCheckAfterDays: z.number().int().min(1).max(59).optional(),
  admissibilityExpiringLeadDays: z.array(z.number().int().min(1).max(365)).min(1).max(5).optional(),
  juryUpcomingLeadDays: z.array(z.number().int().min(1).max(90)).min(1).max(5).optional(),
  juryResultMissingAfterDays: z.number().int().min(1).max(60).optional(),
  tutorSilentDays: z.number().int().min(1).max(60).optional(),
  tutorSilentEscalationDays: z.number().int().min(1).max(120).optional(),
  inactiveDays: z.number().int().min(7).max(365).optional(),
  weeklyDigestIsoWeekday: z.number().int().min(1).max(7).optional(),
  weeklyDigestHorizonDays: z.number().int().min(7).max(31).optional(),
});
export type ReminderSettingsInput = z.infer<typeof ReminderSettingsRequest>;

/** The tenant's reminder settings as the API answers them (defaults filled in). */
export type { ReminderSettings } from '@jalon/domain';
