/**
 * A finding of the policy validator, and the title of its quick fix, in the learner's
 * language. The engine's parameters are mostly the learner's own text (kept as written);
 * a few are English phrases of the engine (a JSON type, a policy kind, a quota's name,
 * "the condition key `k`"), which Korean says in Korean.
 */
import type { PolicyFindingCode } from '../../engine/policy/findingCodes';
import type { QuickFix } from '../../engine/policy/validateText';
import { editorFindingsEn, editorFixesEn } from '../i18n/areas/editor.findings.en';
import { editorFindingsKo, editorFixesKo } from '../i18n/areas/editor.findings.ko';
import { format, type Lang } from '../i18n';

type Params = Readonly<Record<string, string | number>>;

const findings: Readonly<Record<Lang, Readonly<Record<PolicyFindingCode, string>>>> = { en: editorFindingsEn, ko: editorFindingsKo };
const fixes = { en: editorFixesEn, ko: editorFixesKo } as const;

/** The engine's fixed English phrases that reach a message as a parameter, in Korean. */
const KO_PHRASES: Readonly<Record<string, string>> = {
  'a string': '문자열',
  'an object': '객체',
  'an array': '배열',
  'a number': '숫자',
  'a Boolean': '불리언',
  'an object or an array of objects': '객체 또는 객체의 배열',
  'an object of condition operators': '조건 연산자의 객체',
  'a string or an array of strings': '문자열 또는 문자열의 배열',
  'condition keys and their values': '조건 키와 값',
  'identity-based': '자격 증명 기반',
  'permissions boundary': '권한 경계',
  session: '세션',
  'resource-based': '리소스 기반',
  'role trust': '역할 신뢰',
  'service control': '서비스 제어',
  'resource control': '리소스 제어',
  'managed policy size': '관리형 정책 크기',
  'user inline policy size (all inline policies of the user)': '사용자 인라인 정책 크기(사용자의 모든 인라인 정책)',
  'group inline policy size (all inline policies of the group)': '그룹 인라인 정책 크기(그룹의 모든 인라인 정책)',
  'role inline policy size (all inline policies of the role)': '역할 인라인 정책 크기(역할의 모든 인라인 정책)',
  'role trust policy length': '역할 신뢰 정책 길이',
  'session policy plaintext': '세션 정책 일반 텍스트',
  'SCP document size': 'SCP 문서 크기',
  'RCP document size': 'RCP 문서 크기',
  'it is undefined': '값이 정의되지 않았습니다',
  'the variable has no closing brace }': '변수에 닫는 중괄호 }가 없습니다',
  'the variable has no name': '변수에 이름이 없습니다',
};

const KO_PATTERNS: readonly [RegExp, string][] = [
  [/^The `(.*)` block$/, '`$1` 블록'],
  [/^[Tt]he condition key `(.*)`$/, '조건 키 `$1`'],
];

function koParam(value: string | number): string | number {
  if (typeof value !== 'string') return value;
  const phrase = KO_PHRASES[value];
  if (phrase !== undefined) return phrase;
  for (const [pattern, replacement] of KO_PATTERNS) if (pattern.test(value)) return value.replace(pattern, replacement);
  return value;
}

function localParams(lang: Lang, params: Params): Params {
  if (lang === 'en') return params;
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, koParam(v)]));
}

/**
 * The message of a finding. A code this version does not know (a newer worker) falls back
 * to the engine's English sentence.
 */
export function findingText(lang: Lang, finding: { readonly code: string; readonly params: Params; readonly message: string }): string {
  const text = (findings[lang] as Readonly<Record<string, string>>)[finding.code];
  return text === undefined ? finding.message : format(text, localParams(lang, finding.params));
}

/** The title of a quick fix in the learner's language. */
export function fixTitle(lang: Lang, fix: QuickFix): string {
  const text = (fixes[lang] as Readonly<Record<string, string>>)[fix.code];
  return text === undefined ? fix.title : format(text, fix.params);
}
