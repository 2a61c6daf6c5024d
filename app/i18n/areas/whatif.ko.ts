/** Strings of the whatif area (issue 6), Korean. */
import type { whatifEn } from './whatif.en';

export const whatifKo: Readonly<Record<keyof typeof whatifEn, string>> = {
};
