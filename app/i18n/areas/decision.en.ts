/** Strings of the decision area (issue 6), English: the source of the keys. */
export const decisionEn = {
} as const;
