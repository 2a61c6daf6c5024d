/**
 * The Analysis tab: the questions that come after "is this one request allowed?", each a
 * section — who can, effective permissions, the access graph (D1), external access, policy
 * findings, unused access, policy generation and the security status (audits). The
 * sections are a vertical tab list; each section runs its analysis in the worker.
 */
import { useRef, type KeyboardEvent } from 'react';
import { useT, type MessageKey } from '../i18n';
import { useAppStore } from '../store';
import { ANALYSIS_SECTIONS, type AnalysisSection } from '../store/analysisSlice';
import { WhoCanSection } from './WhoCanSection';
import { EffectiveSection } from './EffectiveSection';
import { GraphSection } from './GraphSection';
import { ExternalSection } from './ExternalSection';
import { FindingsSection } from './FindingsSection';
import { UnusedSection } from './UnusedSection';
import { GenerateSection } from './GenerateSection';
import { DashboardSection } from './DashboardSection';
import './analysis.css';

const LABELS: Readonly<Record<AnalysisSection, MessageKey>> = {
  whoCan: 'analysis.section.whoCan',
  effective: 'analysis.section.effective',
  graph: 'analysis.section.graph',
  external: 'analysis.section.external',
  findings: 'analysis.section.findings',
  unused: 'analysis.section.unused',
  generate: 'analysis.section.generate',
  dashboard: 'analysis.section.dashboard',
};

const SECTIONS: Readonly<Record<AnalysisSection, () => React.JSX.Element>> = {
  whoCan: WhoCanSection,
  effective: EffectiveSection,
  graph: GraphSection,
  external: ExternalSection,
  findings: FindingsSection,
  unused: UnusedSection,
  generate: GenerateSection,
  dashboard: DashboardSection,
};

const sectionTabId = (section: AnalysisSection) => `analysis-tab-${section}`;
const sectionPanelId = (section: AnalysisSection) => `analysis-panel-${section}`;

export default function AnalysisView() {
  const t = useT();
  const current = useAppStore((s) => s.analysisSection);
  const setSection = useAppStore((s) => s.setAnalysisSection);
  const list = useRef<HTMLDivElement>(null);
  const Section = SECTIONS[current];

  const move = (event: KeyboardEvent) => {
    const index = ANALYSIS_SECTIONS.indexOf(current);
    const last = ANALYSIS_SECTIONS.length - 1;
    const next =
      event.key === 'ArrowDown' ? (index + 1) % ANALYSIS_SECTIONS.length
      : event.key === 'ArrowUp' ? (index + last) % ANALYSIS_SECTIONS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    const section = ANALYSIS_SECTIONS[next]!;
    setSection(section);
    list.current?.querySelector<HTMLElement>(`#${sectionTabId(section)}`)?.focus();
  };

  return (
    <div className="analysis-view">
      <h2 className="visually-hidden">{t('analysis.title')}</h2>
      <div ref={list} className="analysis-nav" role="tablist" aria-orientation="vertical" aria-label={t('analysis.sections')} onKeyDown={move}>
        {ANALYSIS_SECTIONS.map((section) => (
          <button
            key={section}
            id={sectionTabId(section)}
            type="button"
            role="tab"
            className="analysis-nav-item"
            aria-selected={current === section}
            aria-controls={sectionPanelId(section)}
            tabIndex={current === section ? 0 : -1}
            onClick={() => setSection(section)}
          >
            {t(LABELS[section])}
          </button>
        ))}
      </div>
      <div id={sectionPanelId(current)} role="tabpanel" aria-labelledby={sectionTabId(current)} className="analysis-panel">
        <Section />
      </div>
    </div>
  );
}
