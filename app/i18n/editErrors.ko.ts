/** Why an edit of the world was refused (engine/edit/types.ts EDIT_ERROR_CODES), in Korean. */
import type { EditErrorCode } from '../../engine/edit/types';

export const editErrorsKo: Partial<Readonly<Record<EditErrorCode, string>>> = {};
