import { describe, expect, it } from 'vitest';
import type { ScenarioJson } from '../../engine/scenario/types';
import { orgTargets, rootUnit, targetLabel, unitChoices } from './orgLabels';

const world: ScenarioJson = {
  format: 'iam-playground/scenario',
  version: 1,
  accounts: [{ id: '111111111111', alias: 'acme' }, { id: '222222222222' }],
  organization: {
    id: 'o-abcdefghij',
    managementAccount: '111111111111',
    units: [
      { id: 'r-ab12', name: 'Root' },
      { id: 'ou-dev', name: 'Dev', parent: 'r-ab12' },
      { id: 'ou-team', name: 'Team', parent: 'ou-dev' },
      { id: 'ou-prod', name: 'Prod', parent: 'r-ab12' },
    ],
    accounts: [
      { id: '111111111111', parent: 'r-ab12' },
      { id: '222222222222', parent: 'ou-team' },
    ],
  },
};
const org = world.organization!;

describe('the organization as the inspector lists it (AWS Organizations: a root, OUs nested under it, accounts in either)', () => {
  it('the root is the unit without a parent', () => {
    expect(rootUnit(org)?.id).toBe('r-ab12');
  });

  it('units come parents first, each child under its parent, indented by depth', () => {
    expect(unitChoices(org).map((c) => c.value)).toEqual(['r-ab12', 'ou-dev', 'ou-team', 'ou-prod']);
    expect(unitChoices(org)[2]?.label).toBe('\u2003\u2003Team (ou-team)');
  });

  it('a unit left out takes its subtree with it (an OU cannot move under itself)', () => {
    expect(unitChoices(org, (id) => id === 'ou-dev').map((c) => c.value)).toEqual(['r-ab12', 'ou-prod']);
  });

  it('SCP and RCP targets are the root, every OU and every account of the organization, named for a learner', () => {
    expect(orgTargets(world).map((c) => c.value)).toEqual(['r-ab12', 'ou-dev', 'ou-team', 'ou-prod', '111111111111', '222222222222']);
    expect(targetLabel(world, 'ou-dev')).toBe('Dev (ou-dev)');
    expect(targetLabel(world, '111111111111')).toBe('acme (111111111111)');
    expect(targetLabel(world, '222222222222')).toBe('222222222222');
  });
});
