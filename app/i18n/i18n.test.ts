import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../../engine/evaluate/reasons';
import { en, type MessageKey } from './en';
import { ko } from './ko';
import { detectLanguage } from './language';
import { reasonsEn } from './reasons.en';
import { reasonsKo } from './reasons.ko';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('Korean has every English text, non-empty, with the same parameters', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(ko[key].trim(), key).not.toBe('');
      expect(placeholders(ko[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('every reason code of the engine is translated into both languages with the same parameters', () => {
    for (const code of REASON_CODES) {
      expect(reasonsEn[code]?.trim(), code).toBeTruthy();
      expect(reasonsKo[code]?.trim(), code).toBeTruthy();
      expect(placeholders(reasonsKo[code]), code).toEqual(placeholders(reasonsEn[code]));
    }
  });

  it('Korean texts are written in Korean (no English left untranslated)', () => {
    const same = (Object.keys(en) as MessageKey[]).filter((k) => en[k] === ko[k] && /[a-z]{4,}/.test(en[k]));
    // Names that stay as they are in both languages.
    // trail.filter.count is only parameters: `{label} ({count})`.
    const allowed = new Set(['app.name', 'edge.aria', 'lang.en', 'region.app', 'stage.sts', 'trail.filter.count']);
    expect(same.filter((k) => !allowed.has(k))).toEqual([]);
  });
});

describe('detectLanguage', () => {
  it("takes the browser's first language we speak, by its primary subtag", () => {
    expect(detectLanguage(['ko-KR', 'en-US'])).toBe('ko');
    expect(detectLanguage(['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLanguage(['ja-JP'])).toBe('en');
    expect(detectLanguage([])).toBe('en');
  });
});
