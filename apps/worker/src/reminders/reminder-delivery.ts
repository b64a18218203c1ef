import { Inject, Injectable } from '@nestjs/common';
import { parisDate } from '@jalon/domain';
import { WEB_PATHS } from '@jalon/contracts';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';
import { Database, type Prisma } from '@jalon/server/database';
import { reminderEmail, type RenderedEmail } from '@jalon/server/mail';
import { ReminderPlanner } from '@jalon/server/reminders';
import { MailDelivery } from '../mail/mail-delivery.js';
import { OutboxRepository } from '../mail/outbox.repository.js';
import { ReminderDeliveryRepository, type LockedReminder, type Member, type Recipient, type ReminderPathway } from './reminder-delivery.repository.js';
import { reminderMessage } from './reminder-messages.js';
import { WeeklyDigests } from './weekly-digest.js';

const CLOSED = new Set(['CLOSED', 'WITHDRAWN']);

/** One reminder ready to go: who, the in-app notification, the e-mail. */
export interface Outgoing {
  reminderId: string;
  kind: string;
  to: Recipient[];
  title: string;
  body: string;
  /** Where the notification leads in the web app. */
  link: string;
  email: RenderedEmail;
}

/**
 * Sends due reminders of one tenant. In one transaction holding their row
 * locks: each QUEUED one gets its in-app notifications and its e-mails
 * written to the outbox (the record of what is sent), and is marked SENT —
 * or CANCELLED when its pathway is closed, or a digest finds nothing to say.
 * A reminder run twice waits for the lock, then finds it SENT. Once that
 * commits, the e-mails are sent at once, each under its outbox row's lock;
 * any left (a worker killed, SMTP down) are the outbox sweep's.
 *
 * A batch costs a fixed dozen queries, whatever its size: reminders go out
 * by the thousand at 08:00.
 */
@Injectable()
export class ReminderDelivery {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly reminders: ReminderDeliveryRepository,
    private readonly outbox: OutboxRepository,
    private readonly mail: MailDelivery,
    private readonly digests: WeeklyDigests,
    private readonly planner: ReminderPlanner,
  ) {}

  async deliver(tenantId: string, reminderIds: string[]): Promise<void> {
    const emails = await this.db.transaction(tenantId, () => this.record(tenantId, reminderIds, new Date()));
    await this.mail.sendNow(tenantId, emails);
  }

  /** Notifications, outbox rows and statuses; returns the outbox ids to send. */
  private async record(tenantId: string, reminderIds: string[], now: Date): Promise<string[]> {
    const due = (await this.reminders.lock(tenantId, reminderIds)).filter((r) => r.status === 'QUEUED');
    if (!due.length) return [];
    const outgoing: Outgoing[] = [];
    const cancelled: string[] = [];
    const forPathways = due.filter((r) => r.pathwayId);
    const digests = due.filter((r) => !r.pathwayId && r.kind === 'WEEKLY_DIGEST' && r.userId);
    // Neither a pathway nor a digest's coordinator: nobody to tell.
    cancelled.push(...due.filter((r) => !forPathways.includes(r) && !digests.includes(r)).map((r) => r.id));

    const composed = await this.composeForPathways(tenantId, forPathways, now);
    outgoing.push(...composed.outgoing);
    cancelled.push(...composed.cancelled);
    if (digests.length) {
      const settings = await this.planner.settings(tenantId);
      for (const digest of digests) {
        const message = await this.digests.compose(tenantId, digest, settings, now);
        if (message) outgoing.push(message);
        else cancelled.push(digest.id);
      }
    }

    await this.reminders.notify(
      tenantId,
      outgoing.flatMap((o) => o.to.map((r) => ({ reminderId: o.reminderId, userId: r.userId, kind: o.kind, title: o.title, body: o.body, link: o.link }))),
    );
    const optedOut = await this.reminders.emailOptOuts(tenantId, [...new Set(outgoing.map((o) => o.kind))], [...new Set(outgoing.flatMap((o) => o.to.map((r) => r.userId)))]);
    const emails = await this.outbox.addMany(
      tenantId,
      outgoing.flatMap((o) =>
        o.to
          .filter((r) => !optedOut.has(`${r.userId}:${o.kind}`))
          .map((r) => ({ kind: `REMINDER_${o.kind}`, recipient: r.email, subject: o.email.subject, textBody: o.email.text, htmlBody: o.email.html })),
      ),
    );
    await this.reminders.markSent(tenantId, outgoing.map((o) => o.reminderId), now);
    await this.reminders.markCancelled(tenantId, cancelled, now);
    return emails;
  }

  /** Reminders about a pathway: to the people behind their recipient roles today; cancelled once the pathway is closed. */
  private async composeForPathways(tenantId: string, due: LockedReminder[], now: Date): Promise<{ outgoing: Outgoing[]; cancelled: string[] }> {
    if (!due.length) return { outgoing: [], cancelled: [] };
    const pathways = new Map((await this.reminders.pathways(tenantId, [...new Set(due.map((r) => r.pathwayId!))])).map((p) => [p.id, p]));
    const open = due.filter((r) => {
      const pathway = pathways.get(r.pathwayId!);
      return pathway && !CLOSED.has(pathway.state);
    });
    const cancelled = due.filter((r) => !open.includes(r)).map((r) => r.id);
    const placements = await this.reminders.currentPlacements(tenantId, [...new Set(open.map((r) => r.pathwayId!))], parisDate(now));
    const members = await this.reminders.members(tenantId, whoToAsk(open, pathways, placements));
    const outgoing = open.map((reminder): Outgoing => {
      const pathway = pathways.get(reminder.pathwayId!)!;
      const to = recipientsOf(reminder.recipients, pathway, placements.get(pathway.id), members);
      const candidate = `${pathway.candidate.firstName} ${pathway.candidate.lastName}`;
      const { title, line } = reminderMessage(reminder.kind, candidate, { ...reminder.data, dueOn: parisDate(reminder.dueAt) });
      const link = WEB_PATHS.pathway(pathway.id);
      return { reminderId: reminder.id, kind: reminder.kind, to, title, body: line, link, email: reminderEmail({ title, lines: [line], url: `${this.config.http.publicUrl}${link}` }) };
    });
    return { outgoing, cancelled };
  }
}

type Placement = { tutorMembershipId: string; employerId: string };

/** One query's worth of conditions finding everyone the reminders may go to. */
function whoToAsk(due: LockedReminder[], pathways: Map<string, ReminderPathway>, placements: Map<string, Placement>): Prisma.MembershipWhereInput[] {
  const referents = new Set<string>();
  const tutors = new Set<string>();
  const employers = new Set<string>();
  const candidates = new Set<string>();
  let admins = false;
  for (const reminder of due) {
    const pathway = pathways.get(reminder.pathwayId!)!;
    const placement = placements.get(pathway.id);
    if (reminder.recipients.includes('COORDINATOR')) {
      if (pathway.referentCoordinatorId) referents.add(pathway.referentCoordinatorId);
      else admins = true;
    }
    if (reminder.recipients.includes('TUTOR') && placement) tutors.add(placement.tutorMembershipId);
    if (reminder.recipients.includes('EMPLOYER') && placement) employers.add(placement.employerId);
    if (reminder.recipients.includes('CANDIDATE')) candidates.add(pathway.candidateId);
  }
  return [
    ...(referents.size ? [{ userId: { in: [...referents] } }] : []),
    ...(admins ? [{ role: 'TENANT_ADMIN' as const }] : []),
    ...(tutors.size ? [{ id: { in: [...tutors] } }] : []),
    ...(employers.size ? [{ role: 'EMPLOYER' as const, employerId: { in: [...employers] } }] : []),
    ...(candidates.size ? [{ role: 'CANDIDATE' as const, candidateId: { in: [...candidates] } }] : []),
  ];
}

/**
 * The people behind a reminder's recipient roles for its pathway: its
 * referent coordinator (or, without one, the tenant's admins), the company
 * tutor and the member company's contacts of the current placement, the
 * candidate. Each person once.
 */
function recipientsOf(roles: string[], pathway: ReminderPathway, placement: Placement | undefined, members: Member[]): Recipient[] {
  const wanted = (m: Member) =>
    (roles.includes('COORDINATOR') && (pathway.referentCoordinatorId ? m.userId === pathway.referentCoordinatorId : m.role === 'TENANT_ADMIN')) ||
    (roles.includes('TUTOR') && !!placement && m.id === placement.tutorMembershipId) ||
    (roles.includes('EMPLOYER') && !!placement && m.role === 'EMPLOYER' && m.employerId === placement.employerId) ||
    (roles.includes('CANDIDATE') && m.role === 'CANDIDATE' && m.candidateId === pathway.candidateId);
  const people = new Map<string, Recipient>();
  for (const m of members) if (wanted(m)) people.set(m.userId, { userId: m.userId, email: m.user.email });
  return [...people.values()];
}
