/**
 * Client-side checks use the same Zod schemas the server uses, so a form and its route agree on every rule.
 * Messages written into the shared schemas are shown as they are (through `validationMessages` in the
 * translation file, so another language can replace them); the rest come from this file's error map.
 */
import { z } from 'zod';
import i18n from '../i18n/index.js';

export type FieldErrors = Record<string, string>;

// Only issues whose schema gave no message of its own reach this map.
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'too_big':
        return issue.origin === 'string'
          ? i18n.t('validation.tooLong', { count: Number(issue.maximum) })
          : i18n.t('validation.tooLarge', { count: Number(issue.maximum) });
      case 'too_small':
        return issue.origin === 'string' && Number(issue.minimum) <= 1
          ? i18n.t('validation.required')
          : i18n.t('validation.tooSmall', { count: Number(issue.minimum) });
      case 'invalid_type':
      case 'invalid_value':
        return i18n.t('validation.required');
      case 'invalid_format':
        return i18n.t('validation.invalidFormat');
      default:
        return undefined;
    }
  },
});

/** The message to show for one the shared schemas or the server wrote in English. */
export function translateMessage(message: string): string {
  const messages: unknown = i18n.getResource(i18n.language, 'translation', 'validationMessages');
  if (messages && typeof messages === 'object' && message in messages) {
    const translated = (messages as Record<string, unknown>)[message];
    if (typeof translated === 'string') return translated;
  }
  return message;
}

/**
 * Checks a request body against its schema and names each problem by its body key ("email",
 * "roles.0.centreId"), the same way the server's 400 details do. `whenMissing` replaces the generic
 * message for a field left empty, such as a select with nothing chosen.
 */
export function schemaErrors(
  schema: z.ZodType,
  body: unknown,
  whenMissing: Record<string, string> = {},
): FieldErrors {
  const result = schema.safeParse(body);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    if (field in errors) continue;
    const missing = issue.code === 'invalid_type' || issue.code === 'invalid_value';
    errors[field] = (missing ? whenMissing[field] : undefined) ?? translateMessage(issue.message);
  }
  return errors;
}

/** Empty text becomes null, for optional fields the server stores as null. */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
