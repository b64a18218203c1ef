/**
 * zod's default English messages for the common cases, in French: the API's
 * validation answers and the web app's forms say the same. Messages the
 * schemas set themselves (already French) pass through.
 */
export function frenchMessage(message: string): string {
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
