import { IdSchema } from '@jalon/contracts';

/** Route parameter `:id`, a UUID (anything else answers 400, not 500). */
export const ID_PARAM = { schema: IdSchema } as const;
