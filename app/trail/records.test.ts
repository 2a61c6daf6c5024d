import { describe, expect, it } from 'vitest';
import type { DecisionResult, Stage } from '../../engine/evaluate/types';
import type { CloudTrailEvent, CloudTrailUserIdentity } from '../../engine/trail/types';
import type { TrailEntry } from '../store/trailSlice';
import { trailFile, trailFileName, trailFileText } from './exportFile';
import { eventChoices, filterTrail, identityChoices, identityName, NO_FILTER, outcomeCounts, outcomeOf, resourcesOf, shortResource } from './records';

const alice: CloudTrailUserIdentity = { type: 'IAMUser', principalId: 'AIDAALICE', arn: 'arn:aws:iam::111111111111:user/alice', accountId: '111111111111', accessKeyId: 'AKIAALICE', userName: 'alice' };
const session: CloudTrailUserIdentity = {
  type: 'AssumedRole',
  principalId: 'AROAREADER:s1',
  arn: 'arn:aws:sts::222222222222:assumed-role/Reader/s1',
  accountId: '222222222222',
  accessKeyId: 'ASIASESSION',
  sessionContext: { attributes: { creationDate: '2026-11-23T10:00:00Z', mfaAuthenticated: 'true' } },
};
const root: CloudTrailUserIdentity = { type: 'Root', principalId: '111111111111', arn: 'arn:aws:iam::111111111111:root', accountId: '111111111111' };

let serial = 0;

/** A log entry as runRequest stores one: the engine's decision and its record. */
function entry(identity: CloudTrailUserIdentity, eventName: string, decision: string, decidedBy: readonly Stage[], errorCode?: string, resource = 'arn:aws:s3:::reports/q1.csv'): TrailEntry {
  const id = `event-${++serial}`;
  const result: DecisionResult = { decision, decidedBy, reason: 'allowedByIdentityPolicy', params: {}, message: '', context: [] };
  const event: CloudTrailEvent = {
    eventVersion: '1.09',
    userIdentity: identity,
    eventTime: '2026-11-23T10:15:00Z',
    eventSource: eventName === 'AssumeRole' ? 'sts.amazonaws.com' : 's3.amazonaws.com',
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.10',
    userAgent: 'iam-playground',
    ...(errorCode ? { errorCode, errorMessage: `${errorCode} message` } : {}),
    requestParameters: null,
    responseElements: null,
    requestID: id,
    eventID: id,
    resources: [{ ARN: resource }],
    eventType: 'AwsApiCall',
    managementEvent: false,
    recipientAccountId: '111111111111',
    eventCategory: 'Data',
  };
  return { id, request: { principal: identity.arn, action: `s3:${eventName}`, resource }, result, event };
}

const allowed = entry(alice, 'GetObject', 'allowed', ['identity']);
const denied = entry(alice, 'DeleteObject', 'explicitDeny', ['resource'], 'AccessDenied');
const implicit = entry(session, 'GetObject', 'implicitDeny', ['identity'], 'AccessDenied');
const badSignature = entry(alice, 'GetObject', 'SignatureDoesNotMatch', ['authn'], 'SignatureDoesNotMatch');
const invalidSts = entry(root, 'AssumeRole', 'ValidationError', ['sts'], 'ValidationError', 'arn:aws:iam::111111111111:role/Reader');
const log = [allowed, denied, implicit, badSignature, invalidSts];

describe('the outcome of a record', () => {
  it('a record without errorCode is a success', () => expect(outcomeOf(allowed)).toBe('success'));
  it('an explicit or implicit deny is AccessDenied (authorization)', () => {
    expect(outcomeOf(denied)).toBe('accessDenied');
    expect(outcomeOf(implicit)).toBe('accessDenied');
  });
  it('an error the authentication stage decided is an authentication error', () => expect(outcomeOf(badSignature)).toBe('authn'));
  it('any other error code is another error', () => expect(outcomeOf(invalidSts)).toBe('otherError'));
  it('counts every outcome filter', () => expect(outcomeCounts(log)).toEqual({ all: 5, success: 1, errors: 4, accessDenied: 2, authn: 1, otherError: 1 }));
});

describe('filtering the log', () => {
  it('keeps everything without a filter, as the same array', () => expect(filterTrail(log, NO_FILTER)).toBe(log));
  it('errors only', () => expect(filterTrail(log, { ...NO_FILTER, outcome: 'errors' })).toEqual([denied, implicit, badSignature, invalidSts]));
  it('AccessDenied only', () => expect(filterTrail(log, { ...NO_FILTER, outcome: 'accessDenied' })).toEqual([denied, implicit]));
  it('by identity', () => {
    const [first] = identityChoices(log);
    expect(first).toEqual({ key: 'IAMUser|arn:aws:iam::111111111111:user/alice', label: 'IAMUser · alice', count: 3 });
    expect(filterTrail(log, { ...NO_FILTER, identity: first!.key })).toEqual([allowed, denied, badSignature]);
  });
  it('by event, told apart by source and name', () => {
    expect(eventChoices(log).map((c) => c.label)).toEqual(['GetObject · s3.amazonaws.com', 'DeleteObject · s3.amazonaws.com', 'AssumeRole · sts.amazonaws.com']);
    expect(filterTrail(log, { ...NO_FILTER, event: 'sts.amazonaws.com|AssumeRole' })).toEqual([invalidSts]);
  });
  it('free text matches every word anywhere in the record, ignoring case', () => {
    expect(filterTrail(log, { ...NO_FILTER, text: 'assumed-role READER' })).toEqual([implicit]);
    expect(filterTrail(log, { ...NO_FILTER, text: '203.0.113.10 signaturedoesnotmatch' })).toEqual([badSignature]);
    expect(filterTrail(log, { ...NO_FILTER, text: 'nowhere' })).toEqual([]);
  });
  it('combines filters', () => expect(filterTrail(log, { identity: 'IAMUser|arn:aws:iam::111111111111:user/alice', event: '', outcome: 'errors', text: 'delete' })).toEqual([denied]));
});

describe('what a row shows', () => {
  it('names the caller by user name, role session or root account', () => {
    expect(identityName(alice)).toBe('alice');
    expect(identityName(session)).toBe('assumed-role/Reader/s1');
    expect(identityName(root)).toBe('root (111111111111)');
    expect(identityName({ type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' })).toBe('cloudtrail.amazonaws.com');
  });
  it("shows the record's resources, else the resource the request named", () => {
    expect(resourcesOf(denied)).toEqual(['arn:aws:s3:::reports/q1.csv']);
    expect(resourcesOf({ ...denied, event: { ...denied.event, resources: [] } })).toEqual(['arn:aws:s3:::reports/q1.csv']);
    expect(resourcesOf({ ...denied, request: { action: 's3:ListAllMyBuckets', resource: '' }, event: { ...denied.event, resources: [] } })).toEqual([]);
  });

  it('shortens ARNs to their resource part', () => {
    expect(shortResource('arn:aws:s3:::reports/q1.csv')).toBe('reports/q1.csv');
    expect(shortResource('arn:aws:iam::111111111111:role/Reader')).toBe('role/Reader');
    expect(shortResource('arn:aws:kms:us-east-1:111111111111:key/abc')).toBe('key/abc');
    expect(shortResource('*')).toBe('*');
  });
});

describe('the exported file', () => {
  it('CloudTrail log files hold the events in a Records array', () => {
    expect(trailFile([allowed, denied])).toEqual({ Records: [allowed.event, denied.event] });
    expect(JSON.parse(trailFileText(log)).Records).toHaveLength(5);
  });
  it('is named like a CloudTrail log file, with the UTC time', () => {
    expect(trailFileName(new Date('2026-03-04T05:06:59Z'))).toBe('iam-playground_CloudTrail_20260304T0506Z.json');
  });
});
