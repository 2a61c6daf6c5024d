/** 한국어: texts of the workspace (see ../ko.ts). */
import type { workspaceEn } from './workspace.en';

export const workspaceKo: Readonly<Record<keyof typeof workspaceEn, string>> = {
};
