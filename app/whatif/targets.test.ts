import { describe, expect, it } from 'vitest';
import { NO_WHAT_IF } from '../store/whatIfSlice';
import { isSwitchedOff, setSwitchedOff, switchedOffItems, targetKey, type WhatIfTarget } from './targets';

const scp: WhatIfTarget = { kind: 'layer', layer: 'scp' };
const boundary: WhatIfTarget = { kind: 'layer', layer: 'boundary' };
const policy: WhatIfTarget = { kind: 'policy', id: 'org:o-1/scp:NoS3Reads' };
const statement: WhatIfTarget = { kind: 'statement', policy: 'acct:1/policy:Read', index: 2 };

describe('switching what-if targets', () => {
  it('switches a policy, a statement and a layer off, each in its own list', () => {
    let whatIf = setSwitchedOff(NO_WHAT_IF, policy, true);
    whatIf = setSwitchedOff(whatIf, statement, true);
    whatIf = setSwitchedOff(whatIf, scp, true);
    expect(whatIf).toEqual({ policies: ['org:o-1/scp:NoS3Reads'], statements: [{ policy: 'acct:1/policy:Read', index: 2 }], layers: ['scp'] });
    expect([policy, statement, scp, boundary].map((t) => isSwitchedOff(whatIf, t))).toEqual([true, true, true, false]);
  });

  it('tells a statement from another statement of the same policy', () => {
    const whatIf = setSwitchedOff(NO_WHAT_IF, statement, true);
    expect(isSwitchedOff(whatIf, { kind: 'statement', policy: 'acct:1/policy:Read', index: 1 })).toBe(false);
    expect(isSwitchedOff(whatIf, { kind: 'policy', id: 'acct:1/policy:Read' })).toBe(false);
  });

  it('keeps layers in evaluation order, whatever the order they are switched off in', () => {
    const whatIf = setSwitchedOff(setSwitchedOff(NO_WHAT_IF, boundary, true), scp, true);
    expect(whatIf.layers).toEqual(['scp', 'boundary']);
  });

  it('switching everything back on gives the empty what-if: the real decision', () => {
    let whatIf = setSwitchedOff(setSwitchedOff(NO_WHAT_IF, policy, true), scp, true);
    whatIf = setSwitchedOff(setSwitchedOff(whatIf, scp, false), policy, false);
    expect(whatIf).toBe(NO_WHAT_IF);
  });

  it('switching off what is already off changes nothing (same object, no re-render)', () => {
    const whatIf = setSwitchedOff(NO_WHAT_IF, policy, true);
    expect(setSwitchedOff(whatIf, policy, true)).toBe(whatIf);
    expect(setSwitchedOff(NO_WHAT_IF, policy, false)).toBe(NO_WHAT_IF);
  });

  it('lists the switched-off policies and statements, not the layers, with distinct keys', () => {
    const whatIf = setSwitchedOff(setSwitchedOff(setSwitchedOff(NO_WHAT_IF, scp, true), statement, true), policy, true);
    const items = switchedOffItems(whatIf);
    expect(items).toEqual([policy, statement]);
    expect(new Set([...items, scp].map(targetKey)).size).toBe(3);
  });
});
