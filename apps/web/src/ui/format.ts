const day = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const dayTime = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

/** '2026-03-14' (a business date) or an ISO instant → « 14 mars 2026 ». */
export function formatDate(value: string): string {
  return day.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value));
}

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });

/** Today in Paris, as a business date ('2026-03-14'). */
export function todayInParis(): string {
  return isoDay.format(new Date());
}

export function formatDateTime(value: string): string {
  return dayTime.format(new Date(value));
}

export const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count > 1 ? many : one}`;
}
