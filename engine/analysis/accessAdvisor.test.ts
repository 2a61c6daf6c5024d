import { describe, expect, it } from 'vitest';
import { nodeServiceCatalogue } from '../data/nodeServiceData';
import { UNCONTROLLED } from './control';
import { accessAdvisor } from './accessAdvisor';
import { ALICE, AUDITOR, BOB, depsOf, testWorld } from './eventLogTesting';
import { sharedLog } from './logAnalysesFixture';

const world = testWorld();

describe('Access Advisor (last accessed information per service)', () => {
  it('lists each service the policies grant, when last accessed by an allowed request, and the policies that grant it', async () => {
    const report = await accessAdvisor(depsOf(world), { principal: ALICE, events: await sharedLog(world) }, UNCONTROLLED);
    expect(report.principal.arn).toBe(ALICE);
    expect(report.services).toEqual([
      // Never accessed: no date.
      { prefix: 'dynamodb', name: 'dynamodb', grantedBy: [{ id: 'acct:111111111111/policy:DdbRead', kind: 'customerManaged', name: 'DdbRead', arn: 'arn:aws:iam::111111111111:policy/DdbRead' }] },
      // The refused DeleteObject at 10:30 is not an access.
      { prefix: 's3', name: 's3', lastAccessed: '2026-02-25T10:20:00Z', grantedBy: [{ id: 'acct:111111111111/user:alice/inline:S3', kind: 'inline', name: 'S3', attachedTo: ALICE }] },
    ]);
  });

  it('a group\'s policy grants its members', async () => {
    const report = await accessAdvisor(depsOf(world), { principal: BOB, events: [] }, UNCONTROLLED);
    expect(report.services.map((s) => [s.prefix, s.grantedBy.map((r) => r.id)])).toEqual([['ec2', ['acct:111111111111/group:devs/inline:Describe']]]);
  });

  it('`*` grants every service AWS has, named as the IAM service data names them, like the console', async () => {
    const catalogue = nodeServiceCatalogue();
    await catalogue.loadIndex();
    const report = await accessAdvisor(depsOf(world, catalogue), { principal: AUDITOR, events: await sharedLog(world) }, UNCONTROLLED);
    expect(report.services.length).toBe(catalogue.services().length);
    const s3 = report.services.find((s) => s.prefix === 's3');
    expect(s3?.name).toBe(catalogue.services().find((s) => s.prefix === 's3')?.name);
    expect(s3?.lastAccessed).toBe('2025-10-01T10:00:00Z');
    expect(report.services.find((s) => s.prefix === 'iam')?.lastAccessed).toBe('2026-02-27T10:00:00Z');
    expect(report.services.filter((s) => s.lastAccessed !== undefined)).toHaveLength(2);
    expect(new Set(report.services.flatMap((s) => s.grantedBy.map((r) => r.id)))).toEqual(new Set(['acct:111111111111/role:Auditor/inline:Admin']));
  });

  it('without the service data, `*` covers the services the policies name and those the log shows', async () => {
    const report = await accessAdvisor(depsOf(world), { principal: AUDITOR, events: await sharedLog(world) }, UNCONTROLLED);
    expect(report.services.map((s) => s.prefix)).toEqual(['iam', 's3']);
  });
});
