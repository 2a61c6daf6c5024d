/** 한국어: texts of the builder (see ../ko.ts). */
import type { builderEn } from './builder.en';

export const builderKo: Readonly<Record<keyof typeof builderEn, string>> = {
};
