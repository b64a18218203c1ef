import { z } from 'zod';
import { Siret } from './tenants.js';
import { PageQuery, PhoneSchema, SearchQuery } from './common.js';

const Contact = z.strictObject({
  name: z.string().trim().min(1, { error: 'Nom du contact requis' }).max(200),
  role: z.string().trim().max(100).optional(),
  email: z.email({ error: 'Adresse e-mail invalide' }).optional(),
  phone: PhoneSchema.optional(),
});

export const EmployerFields = z.strictObject({
  name: z.string().trim().min(1, { error: 'Raison sociale requise' }).max(200),
  siret: Siret,
  nafCode: z.string().trim().regex(/^\d{2}\.?\d{2}[A-Z]$/i, { error: 'Code NAF invalide (ex. 25.62B)' }).transform((s) => s.toUpperCase()).optional(),
  idcc: z.string().trim().regex(/^\d{1,4}$/, { error: 'IDCC invalide (4 chiffres au plus)' }).optional(),
  opco: z.string().trim().max(100).optional(),
  addressLine: z.string().trim().max(300).optional(),
  postalCode: z.string().trim().regex(/^\d{5}$/, { error: 'Code postal invalide' }).optional(),
  city: z.string().trim().max(100).optional(),
  contacts: z.array(Contact).max(20).default([]),
});
export const CreateEmployerRequest = EmployerFields;
export type CreateEmployerInput = z.infer<typeof CreateEmployerRequest>;
// .partial() keeps defaults: a field left out of a PATCH must stay as it is, not be reset.
// The optional fields also take null: emptied in an edit, they are cleared.
const clearable = <K extends 'nafCode' | 'idcc' | 'opco' | 'addressLine' | 'postalCode' | 'city'>(key: K) => EmployerFields.shape[key].unwrap().nullable().optional();
export const UpdateEmployerRequest = EmployerFields.partial().extend({
  contacts: z.array(Contact).max(20).optional(),
  nafCode: clearable('nafCode'),
  idcc: clearable('idcc'),
  opco: clearable('opco'),
  addressLine: clearable('addressLine'),
  postalCode: clearable('postalCode'),
  city: clearable('city'),
});
export type UpdateEmployerInput = z.infer<typeof UpdateEmployerRequest>;

export const ListEmployersQuery = PageQuery.extend({ q: SearchQuery.optional(), sort: z.enum(['name', '-name', 'createdAt', '-createdAt']).default('name') });
export type ListEmployersInput = z.infer<typeof ListEmployersQuery>;

export interface EmployerView extends Omit<CreateEmployerInput, 'contacts'> {
  id: string;
  contacts: z.infer<typeof Contact>[];
  createdAt: string;
  updatedAt: string;
}
