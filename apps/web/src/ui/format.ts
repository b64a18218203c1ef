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

/** '73282932000074' → « 732 829 320 00074 ». */
export const formatSiret = (siret: string) => siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');

/** '+33612345678' (as stored) → « 06 12 34 56 78 »; other numbers as they are. */
export const formatPhone = (phone: string) => (/^\+33\d{9}$/.test(phone) ? `0${phone.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ') : phone);
