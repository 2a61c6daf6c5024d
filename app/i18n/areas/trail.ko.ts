/** Strings of the trail area (issue 6), Korean. */
import type { trailEn } from './trail.en';

export const trailKo: Readonly<Record<keyof typeof trailEn, string>> = {
};
