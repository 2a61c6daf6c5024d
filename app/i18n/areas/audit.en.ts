/** Strings of the Analysis tab's audits (issue 8): external access, policy findings, unused access, policy generation, the security status, the credential report and Access Advisor. English: the source of the keys. */
export const auditEn = {
  'audit.placeholder': 'Audit',
};
