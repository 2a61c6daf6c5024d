/** Strings of the whatif area (issue 6), English: the source of the keys. */
export const whatifEn = {
} as const;
