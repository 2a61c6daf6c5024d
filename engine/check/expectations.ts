/** Whether a decision meets an expectation (`denied` stands for either kind of deny). */
export function decisionMeets(decision: string, expected: string): boolean {
  if (expected === 'denied') return decision === 'explicitDeny' || decision === 'implicitDeny';
  return decision === expected;
}
