/** Strings of the decision area (issue 6), Korean. */
import type { decisionEn } from './decision.en';

export const decisionKo: Readonly<Record<keyof typeof decisionEn, string>> = {
};
