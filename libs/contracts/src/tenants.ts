import { z } from 'zod';
import { Email, TenantSlug } from './auth.js';

/** SIRET: 14 digits (spaces allowed when typed); the Luhn check is a domain rule. */
export const Siret = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{14}$/, { error: 'Le SIRET compte 14 chiffres' }));

export const CreateTenantRequest = z.strictObject({
  name: z.string().trim().min(2, { error: 'Nom du GEIQ requis' }).max(200),
  slug: TenantSlug,
  siret: Siret.optional(),
  adminEmail: Email,
});
export type CreateTenantInput = z.infer<typeof CreateTenantRequest>;

export interface TenantView {
  id: string;
  name: string;
  slug: string;
  siret: string | null;
  createdAt: string;
}
