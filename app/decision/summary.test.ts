import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadManagedPolicySourceNode } from '../../engine/data/nodeManagedPolicies';
import { plainSummary } from './summary';
import { parseScenario, runAll } from './testWorlds';

const managed = loadManagedPolicySourceNode();
const loadScenario = (relative: string) => parseScenario(readFileSync(new URL(relative, import.meta.url), 'utf8'));
const GUARDED = '../../e2e/fixtures/guarded-organization.json';
const STS_FLOW = '../../tests/fixtures/sts-flow.json';

const guarded = loadScenario(GUARDED);

async function summaries(id: string) {
  const [entry] = await runAll(guarded, managed, [id]);
  const input = { result: entry!.result, request: entry!.request, event: entry!.event };
  return { en: plainSummary('en', input), ko: plainSummary('ko', input) };
}

describe('plainSummary: the decision in plain words, from the engine answer', () => {
  it('an explicit deny names the SCP and says an explicit deny always wins (IAM policy evaluation logic)', async () => {
    const { en, ko } = await summaries('alice-deletes-upload');
    expect(en).toBe(
      'alice may not perform s3:DeleteObject on arn:aws:s3:::app-uploads/a.txt: the service control policy “DenyDeleteObjects” denies it explicitly, and an explicit deny always wins.',
    );
    expect(ko).toBe(
      'alice은(는) arn:aws:s3:::app-uploads/a.txt에 대해 s3:DeleteObject을(를) 수행할 수 없습니다. 서비스 제어 정책(SCP) “DenyDeleteObjects”이(가) 명시적으로 거부하며, 명시적 거부는 항상 우선합니다.',
    );
  });

  it('a cross-account read without the bucket policy allow is an implicit deny, and says why', async () => {
    const { en, ko } = await summaries('alice-reads-data-lake');
    expect(en).toMatch(/^alice may not perform s3:GetObject on arn:aws:s3:::data-lake\/2026\/q1\.csv\. This request needs an allow in the resource-based policy/);
    expect(en).toMatch(/Anything not explicitly allowed is implicitly denied\.$/);
    expect(ko).toMatch(/^alice은\(는\) arn:aws:s3:::data-lake\/2026\/q1\.csv에 대해 s3:GetObject을\(를\) 수행할 수 없습니다\./);
    expect(ko).toMatch(/암시적으로 거부됩니다\.$/);
  });

  it('an allow names the identity-based policy that allows', async () => {
    const { en, ko } = await summaries('alice-reads-upload');
    expect(en).toMatch(/^alice may perform s3:GetObject on arn:aws:s3:::app-uploads\/a\.txt\./);
    expect(en).toContain('the identity-based policy “S3Everything”');
    expect(ko).toContain('자격 증명 기반 정책 “S3Everything”');
  });

  it('an AssumeRole that issues a session says so; a refused call names AWS’s error code', async () => {
    const flow = loadScenario(STS_FLOW);
    const [assumed, refused] = await runAll(flow, managed, ['assume-partner-role-with-external-id-and-mfa', 'assume-with-a-stale-mfa-code-is-access-denied']);
    const en = plainSummary('en', { result: assumed!.result, request: assumed!.request, event: assumed!.event, issued: assumed!.issued });
    expect(en).toMatch(/^alice may perform sts:AssumeRole on arn:aws:iam::444455556666:role\/PartnerAccess\./);
    expect(en).toContain('AWS STS issued the session arn:aws:sts::444455556666:assumed-role/PartnerAccess/alice');
    expect(plainSummary('ko', { result: refused!.result, request: refused!.request, event: refused!.event })).toMatch(/^AWS는 어떤 정책도 평가하기 전에 AccessDenied\(으\)로 요청을 거절했습니다\./);
  });
});
