/** English texts of the inspector (see ../en.ts): keys start with `inspector.`. */
export const inspectorEn = {
} as const;
