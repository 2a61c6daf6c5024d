/** 분석 탭의 문구 (issue 8). 키와 매개변수는 analysis.en.ts 와 같다. */
import type { analysisEn } from './analysis.en';

export const analysisKo: Readonly<Record<keyof typeof analysisEn, string>> = {
  'main.tab.analysis': '분석',
  'region.analysis': '분석',

  'analysis.title': '이 환경의 분석',
  'analysis.sections': '분석 종류',
  'analysis.section.whoCan': '누가 할 수 있나',
  'analysis.section.effective': '유효 권한',
  'analysis.section.graph': '접근 그래프',
  'analysis.section.external': '외부 접근',
  'analysis.section.findings': '정책 검사 결과',
  'analysis.section.unused': '미사용 접근',
  'analysis.section.generate': '정책 생성',
  'analysis.section.dashboard': '보안 상태',
  'analysis.run': '분석',
  'analysis.cancel': '취소',
  'analysis.running': '분석 중… {total}개 중 {done}개',
  'analysis.runningNoTotal': '분석 중…',
  'analysis.cancelled': '분석을 취소했습니다.',
  'analysis.failed': '분석하지 못했습니다: {message}',
  'analysis.stale': '이 분석 이후 환경이 바뀌었습니다. 다시 분석하면 현재 답을 볼 수 있습니다.',
};
