/**
 * Refusals of the settings operations (validation, a stale version, a rule such as "this type
 * has entries") as messages beside a form. Access and not-found errors are not refusals of a
 * form: they go on to the editor's 403/404 pages.
 */
import { isFolioError } from '../errors/index.js';
import type { FieldProblem } from './views/layout.js';

export interface Refusal {
  status: number;
  problems: FieldProblem[];
}

interface ErrorItem {
  name?: string;
  path?: unknown[];
  details?: string;
}

/**
 * `fieldOf` names the form field an error item concerns (undefined: `fallback`); `messageOf`
 * may put the API's wording in people's words.
 */
export function refusalOf(
  err: unknown,
  fallback: string,
  fieldOf: (item: ErrorItem) => string | undefined = (item) => (Array.isArray(item.path) && typeof item.path[0] === 'string' ? item.path[0] : undefined),
  messageOf: (item: ErrorItem, field: string) => string | undefined = () => undefined,
): Refusal | undefined {
  if (!isFolioError(err)) return undefined;
  if (err.code === 'VERSION_MISMATCH') {
    return { status: 409, problems: [{ field: fallback, message: 'Someone else changed this meanwhile. Reload the page to see their changes, then try again.' }] };
  }
  if (err.code === 'VALIDATION_FAILED') {
    const items = (err.details as { errors?: ErrorItem[] } | undefined)?.errors;
    if (!Array.isArray(items) || items.length === 0) return { status: 422, problems: [{ field: fallback, message: err.message }] };
    return {
      status: 422,
      problems: items.map((item) => {
        const field = fieldOf(item) ?? fallback;
        return { field, message: messageOf(item, field) ?? item.details ?? err.message };
      }),
    };
  }
  if (err.code === 'BAD_REQUEST' || err.code === 'INVALID_PARAMETER') return { status: err.status, problems: [{ field: fallback, message: err.message }] };
  return undefined;
}
