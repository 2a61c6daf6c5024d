/** 한국어: texts of the inspector (see ../ko.ts). */
import type { inspectorEn } from './inspector.en';

export const inspectorKo: Readonly<Record<keyof typeof inspectorEn, string>> = {
};
