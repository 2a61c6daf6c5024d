/** Strings of the console area (issue 6), Korean. */
import type { consoleEn } from './console.en';

export const consoleKo: Readonly<Record<keyof typeof consoleEn, string>> = {
};
