/** English texts of the builder (see ../en.ts): keys start with `builder.`. */
export const builderEn = {
} as const;
