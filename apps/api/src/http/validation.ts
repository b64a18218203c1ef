import { StandardSchemaValidationPipe } from '@nestjs/common';
import { validationFailed } from '@jalon/server/errors';

/**
 * Validates every @Body/@Query/@Param that declares a zod schema and answers
 * VALIDATION_FAILED with one entry per field. zod's messages are set in
 * French where users can meet them (contracts); unknown fields are named.
 */
export function createValidationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({
    exceptionFactory: (issues) =>
      validationFailed(
        issues.map((issue) => {
          const path = (issue.path ?? []).map((s) => String(typeof s === 'object' ? s.key : s)).join('.');
          return { path, message: frenchMessage(issue.message) };
        }),
      ),
  });
}

/** zod's default English messages for the common cases, in French. */
function frenchMessage(message: string): string {
  if (/^Unrecognized key/.test(message)) return `Champ non reconnu : ${message.replace(/^Unrecognized keys?: /, '')}`;
  if (/expected .*, received undefined/.test(message)) return 'Champ obligatoire';
  const type = /^Invalid input: expected (\w+), received (\w+)/.exec(message);
  if (type) return `Type invalide : ${TYPE_NAMES[type[1]!] ?? type[1]} attendu`;
  if (/^Invalid option/.test(message)) return `Valeur non autorisée (${message.replace(/^Invalid option: expected one of /, '')})`;
  if (/^Invalid UUID/.test(message)) return 'Identifiant invalide';
  if (/^Too small/.test(message)) return 'Valeur trop petite ou trop courte';
  if (/^Too big/.test(message)) return 'Valeur trop grande ou trop longue';
  return message;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'texte',
  number: 'nombre',
  boolean: 'vrai/faux',
  object: 'objet',
  array: 'liste',
  date: 'date',
};
