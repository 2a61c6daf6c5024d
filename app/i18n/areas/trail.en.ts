/** Strings of the trail area (issue 6), English: the source of the keys. */
export const trailEn = {
} as const;
