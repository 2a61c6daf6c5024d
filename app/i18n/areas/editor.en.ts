/** English texts of the editor (see ../en.ts): keys start with `editor.`. */
export const editorEn = {
} as const;
