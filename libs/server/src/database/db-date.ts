/**
 * Business dates ('YYYY-MM-DD', Europe/Paris days) and Postgres `date`
 * columns: Prisma maps `date` to a Date at UTC midnight, so the conversion is
 * exact in both directions whatever the process's time zone.
 */
export const toDbDate = (date: string): Date => new Date(`${date}T00:00:00.000Z`);

export const fromDbDate = (date: Date): string => date.toISOString().slice(0, 10);

export const fromOptionalDbDate = (date: Date | null | undefined): string | null => (date ? fromDbDate(date) : null);
