/** Why an edit of the world was refused (engine/edit/types.ts EDIT_ERROR_CODES), in English. */
import type { EditErrorCode } from '../../engine/edit/types';

export const editErrorsEn: Partial<Readonly<Record<EditErrorCode, string>>> = {};
