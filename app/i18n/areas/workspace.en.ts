/** English texts of the workspace (see ../en.ts): keys start with `workspace.`. */
export const workspaceEn = {
} as const;
