/** A text in the UI language (French) and in English (logs, API clients). */
export interface LocalizedMessage {
  fr: string;
  en: string;
}

/**
 * A broken rule. `code` is stable (clients branch on it); `message.fr` is
 * shown to a coordinator as is; `path` names the offending input field.
 */
export interface RuleViolation {
  code: string;
  message: LocalizedMessage;
  path?: string;
  details?: Record<string, unknown>;
}

/** Same shape as a violation, but the operation goes ahead. */
export type RuleWarning = RuleViolation;

export function ruleViolation(
  code: string,
  fr: string,
  en: string,
  extra: { path?: string; details?: Record<string, unknown> } = {},
): RuleViolation {
  return {
    code,
    message: { fr, en },
    ...(extra.path !== undefined ? { path: extra.path } : {}),
    ...(extra.details !== undefined ? { details: extra.details } : {}),
  };
}
