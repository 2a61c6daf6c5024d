/**
 * How an edit is refused. The edit modules throw an `EditRefusal` at the first rule the
 * edit breaks; `applyEdit` (./apply.ts) turns it into `{ ok: false, error }`. Throwing
 * keeps each rule one line where it is checked, and a half-built world is simply dropped.
 */
import type { EditError, EditErrorCode } from './types';

/** Thrown inside the library for a refused edit; never escapes `applyEdit`. */
export class EditRefusal extends Error {
  constructor(readonly error: EditError) {
    super(error.message);
    this.name = 'EditRefusal';
  }
}

/** What a translation of the error needs (app/i18n/editErrors.*.ts). */
export type ErrorParams = Readonly<Record<string, string | number>>;

/** Refuses the edit: `path` is the JSON path in the scenario, `field` the edit's field at fault. */
export function refuse(code: EditErrorCode, message: string, path: string, field: string | undefined, params: ErrorParams = {}): never {
  throw new EditRefusal(field === undefined ? { code, params, path, message } : { code, params, path, field, message });
}

/** `a`, `b` and `c` — for messages that list names. */
export function listNames(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
