import { z } from 'zod';

const INVALID_DATE = 'Date invalide (format AAAA-MM-JJ attendu)';

/** A calendar date, 'YYYY-MM-DD' (business dates are Europe/Paris days). */
export const LocalDateSchema = z.iso.date({ error: INVALID_DATE });

/** A calendar date that must be given: `missing` says which when it is absent or empty. */
export const requiredDate = (missing: string) => z.iso.date({ error: (issue) => (issue.input === undefined || issue.input === '' ? missing : INVALID_DATE) });

export const IdSchema = z.uuid({ error: 'Identifiant invalide' });

/** Page size at most 100, with the total. */
export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** Lower-case, accents removed: how names are stored for search and how queries are matched. */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export const SearchQuery = z.string().trim().min(1).max(100);

/** A query parameter holding one value or several, comma-separated (`?state=DOSSIER,JURY_SCHEDULED`). */
export const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item).min(1));

/** French phone numbers: 0X XX XX XX XX or +33 X XX XX XX XX, with spaces, dots or dashes; stored as +33XXXXXXXXX. */
export const PhoneSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s.\-()]/g, ''))
  .pipe(z.string().regex(/^(?:\+33|0033|0)[1-9]\d{8}$/, { error: 'Numéro de téléphone invalide (ex. 06 12 34 56 78)' }))
  .transform((s) => `+33${s.replace(/^(?:\+33|0033|0)/, '')}`);
