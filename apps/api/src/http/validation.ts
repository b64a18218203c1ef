import { StandardSchemaValidationPipe } from '@nestjs/common';
import { frenchMessage } from '@jalon/contracts';
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
