/** Strings of the console area (issue 6), English: the source of the keys. */
export const consoleEn = {
} as const;
