/** 한국어: texts of the editor (see ../ko.ts). */
import type { editorEn } from './editor.en';

export const editorKo: Readonly<Record<keyof typeof editorEn, string>> = {
};
