/** The event log the log-reading analyses' tests share (see eventLogTesting.ts for the world). */
import type { World } from '../model/world';
import type { AnalysisEvent } from './types';
import { ALICE, AUDITOR_SESSION, BUCKET, logOf } from './eventLogTesting';

/**
 * alice reads two objects (one action written in lower case), lists the bucket and her
 * buckets, is refused a delete, and signs in to the console on 20 February; the Auditor's
 * sessions list roles within the period and buckets long before it.
 */
export function sharedLog(world: World): Promise<AnalysisEvent[]> {
  return logOf(world, [
    ['2025-10-01T10:00:00Z', { principal: AUDITOR_SESSION, action: 's3:ListAllMyBuckets', resource: '*' }],
    ['2026-02-20T09:00:00Z', { principal: ALICE, console: { password: 'alice-pw-1!' }, action: 's3:GetObject', resource: `${BUCKET}/a.txt` }],
    ['2026-02-25T10:00:00Z', { principal: ALICE, action: 's3:GetObject', resource: `${BUCKET}/a.txt` }],
    ['2026-02-25T10:05:00Z', { principal: ALICE, action: 's3:getobject', resource: `${BUCKET}/b.txt` }],
    ['2026-02-25T10:10:00Z', { principal: ALICE, action: 's3:ListBucket', resource: BUCKET }],
    ['2026-02-25T10:20:00Z', { principal: ALICE, action: 's3:ListAllMyBuckets', resource: '*' }],
    ['2026-02-25T10:30:00Z', { principal: ALICE, action: 's3:DeleteObject', resource: `${BUCKET}/a.txt` }],
    ['2026-02-27T10:00:00Z', { principal: AUDITOR_SESSION, action: 'iam:ListRoles', resource: '*' }],
  ]);
}
