import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileWorld, evaluateRequest, parseScenarioText } from '../../engine/index';
import { loadManagedPolicySourceNode } from '../../engine/data/nodeManagedPolicies';
import { policySourceText } from '../world/policyText';
import { decidingStatements, meetsExpectation, verdictOf } from './decidingStatements';
import { statementSnippet } from './snippet';

const parsed = parseScenarioText(readFileSync(new URL('../../public/samples/starter.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const scenario = parsed.scenario;
const { world } = compileWorld(scenario, loadManagedPolicySourceNode());
const request = (id: string) => scenario.requests!.find((r) => r.id === id)!;

describe('decidingStatements, read from the engine trace of the sample', () => {
  it('an allow names the statement of the identity-based policy that allowed', async () => {
    const result = await evaluateRequest(world, request('alice-reads-report'));
    const [statement, ...rest] = decidingStatements(result);
    expect(rest).toEqual([]);
    expect(statement?.policy?.id).toBe('acct:111111111111/policy:ReadReports');
    expect(statement?.statement).toEqual({ index: 1, sid: 'ReadReports' });
    const text = statementSnippet(policySourceText(scenario.accounts[0]!.policies![0]!.document), statement!.span!);
    expect(JSON.parse(text)).toMatchObject({ Sid: 'ReadReports', Effect: 'Allow' });
  });

  it('an explicit deny names the Deny statement of the bucket policy', async () => {
    const result = await evaluateRequest(world, request('alice-deletes-report'));
    expect(decidingStatements(result).map((e) => e.statement?.sid)).toEqual(['NobodyDeletesReports']);
  });

  it('an implicit deny has no deciding statement', async () => {
    const result = await evaluateRequest(world, request('bob-reads-report'));
    expect(result.decision).toBe('implicitDeny');
    expect(decidingStatements(result)).toEqual([]);
  });
});

describe('verdicts and expectations', () => {
  it('keeps the three decisions and groups error codes', () => {
    expect(['allowed', 'explicitDeny', 'implicitDeny', 'SignatureDoesNotMatch'].map(verdictOf)).toEqual(['allowed', 'explicitDeny', 'implicitDeny', 'error']);
  });
  it('`denied` covers both denies', () => {
    expect(meetsExpectation('explicitDeny', 'denied')).toBe(true);
    expect(meetsExpectation('implicitDeny', 'denied')).toBe(true);
    expect(meetsExpectation('allowed', 'denied')).toBe(false);
    expect(meetsExpectation('allowed', 'allowed')).toBe(true);
  });
});

describe('statementSnippet', () => {
  it('restores the first line indentation and removes the common one', () => {
    const source = '{\n  "Statement": [\n    {\n      "Effect": "Allow"\n    }\n  ]\n}';
    const start = source.indexOf('{', 1);
    const end = source.indexOf('}') + 1;
    expect(statementSnippet(source, { start, end })).toBe('{\n  "Effect": "Allow"\n}');
  });
});
