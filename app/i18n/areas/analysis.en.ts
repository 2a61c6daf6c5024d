/** Strings of the Analysis tab (issue 8): the tab, its sections, who can, effective permissions, the access graph. English: the source of the keys. */
export const analysisEn = {
  'main.tab.analysis': 'Analysis',
  'region.analysis': 'the analysis',

  'analysis.title': 'Analysis of this world',
  'analysis.sections': 'Analyses',
  'analysis.section.whoCan': 'Who can',
  'analysis.section.effective': 'Effective permissions',
  'analysis.section.graph': 'Access graph',
  'analysis.section.external': 'External access',
  'analysis.section.findings': 'Policy findings',
  'analysis.section.unused': 'Unused access',
  'analysis.section.generate': 'Generate a policy',
  'analysis.section.dashboard': 'Security status',
  'analysis.run': 'Analyse',
  'analysis.cancel': 'Cancel',
  'analysis.running': 'Analysing… {done} of {total}',
  'analysis.runningNoTotal': 'Analysing…',
  'analysis.cancelled': 'The analysis was cancelled.',
  'analysis.failed': 'The analysis failed: {message}',
  'analysis.stale': 'The world has changed since this analysis: analyse again for a current answer.',
};
