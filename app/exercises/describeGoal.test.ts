import { describe, expect, it } from 'vitest';
import type { GoalOutcome } from '../../engine/check/exercise';
import type { GoalJson } from '../../engine/scenario/types';
import { translate, type MessageKey, type Params } from '../i18n';
import { describeGoal, describeOutcome, expectationWords, shortPrincipal } from './describeGoal';

const en = (key: MessageKey, params?: Params) => translate('en', key, params);
const ko = (key: MessageKey, params?: Params) => translate('ko', key, params);

const readGoal: GoalJson = {
  request: { principal: 'arn:aws:iam::111111111111:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-data/report.csv' },
  expect: 'allowed',
};

const outcome = (patch: Partial<GoalOutcome>): GoalOutcome => ({ index: 0, kind: 'request', met: false, detail: '', ...patch });

describe('a goal in words', () => {
  it('names an IAM user by its name and other principals by what follows the account', () => {
    expect(shortPrincipal('arn:aws:iam::111111111111:user/team/alice')).toBe('alice');
    expect(shortPrincipal('arn:aws:iam::111111111111:role/Auditor')).toBe('role/Auditor');
    expect(shortPrincipal('arn:aws:sts::111111111111:assumed-role/Auditor/s1')).toBe('assumed-role/Auditor/s1');
    expect(shortPrincipal('arn:aws:iam::111111111111:root')).toBe('root (111111111111)');
    expect(shortPrincipal('cloudtrail.amazonaws.com')).toBe('cloudtrail.amazonaws.com');
  });

  it('describes a request goal with what it must be and what the engine found now', () => {
    expect(describeGoal(readGoal, en, 'en')).toBe('alice → s3:GetObject on arn:aws:s3:::acme-data/report.csv must be allowed');
    expect(describeOutcome(readGoal, outcome({ decision: 'implicitDeny' }), en)).toBe('now: implicit deny');
    expect(describeGoal(readGoal, ko, 'ko')).toBe('alice → arn:aws:s3:::acme-data/report.csv에 대한 s3:GetObject: 허용되어야 함');
    expect(describeOutcome(readGoal, outcome({ decision: 'implicitDeny' }), ko)).toBe('현재: 암시적 거부');
  });

  it("writes an expectation in the learner's words, and an AWS error code as AWS writes it", () => {
    expect(expectationWords(en, 'implicitDeny')).toBe('implicitly denied');
    expect(expectationWords(ko, 'implicitDeny')).toBe('암시적 거부');
    expect(expectationWords(ko, 'allowed')).toBe('허용');
    expect(expectationWords(en, 'SignatureDoesNotMatch')).toBe('refused with the error SignatureDoesNotMatch');
    expect(expectationWords(ko, 'SignatureDoesNotMatch')).toBe('오류 SignatureDoesNotMatch(으)로 거절');
  });

  it('names the deciding stage and an error code', () => {
    const goal: GoalJson = { ...readGoal, expect: 'explicitDeny', by: 'scp' };
    expect(describeGoal(goal, en, 'en')).toContain('must be explicitly denied, decided by: Service control policies');
    expect(describeOutcome(goal, outcome({ decision: 'InvalidClientTokenId' }), en)).toBe('now: error InvalidClientTokenId');
  });

  it("prefers the author's label in the learner's language, else the other language", () => {
    const labelled: GoalJson = { ...readGoal, label: { en: 'Alice reads the report', ko: 'alice가 보고서를 읽음' } };
    expect(describeGoal(labelled, en, 'en')).toBe('Alice reads the report');
    expect(describeGoal(labelled, ko, 'ko')).toBe('alice가 보고서를 읽음');
    expect(describeGoal({ ...readGoal, label: { en: 'Only English' } }, ko, 'ko')).toBe('Only English');
  });

  it('describes who-can, none-allowed and performed goals', () => {
    const whoCan: GoalJson = { whoCan: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, within: ['arn:aws:iam::111111111111:user/alice', 'arn:aws:iam::111111111111:role/R'] };
    expect(describeGoal(whoCan, en, 'en')).toBe('At most these can do s3:GetObject on arn:aws:s3:::b/k: alice and role/R');
    expect(describeOutcome(whoCan, outcome({ kind: 'whoCan', principals: [] }), en)).toBe('now: nobody');
    const none: GoalJson = { noneAllowed: { principal: 'arn:aws:iam::111111111111:user/bob', actions: ['iam:*'], resources: ['*'] } };
    expect(describeGoal(none, en, 'en')).toBe('bob must not be allowed iam:* on *');
    expect(describeOutcome(none, outcome({ kind: 'noneAllowed', allowed: [{ action: 'iam:CreateUser', resource: '*' }] }), en)).toBe('now allowed: iam:CreateUser → *');
    const performed: GoalJson = { performed: { action: 's3:GetObject', resource: 'arn:aws:s3:::secrets/*' } };
    expect(describeGoal(performed, en, 'en')).toBe('Make a request that is allowed: s3:GetObject on arn:aws:s3:::secrets/*');
    expect(describeOutcome(performed, outcome({ kind: 'performed', met: false }), en)).toBe('not done yet');
  });
});
