/** 분석 탭의 감사 문구 (issue 8). 키와 매개변수는 audit.en.ts 와 같다. */
import type { auditEn } from './audit.en';

export const auditKo: Readonly<Record<keyof typeof auditEn, string>> = {
  'audit.placeholder': '감사',
};
