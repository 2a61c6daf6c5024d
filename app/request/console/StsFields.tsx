/**
 * An STS call's parameters, in AWS's names: the call (AssumeRole and friends), then the
 * fields it takes, and the name the issued session is kept under (a later request calls
 * as `$NAME`). For MFA, the caller's devices are offered, and when the world knows a
 * device's seed, "Code now" types the code the device shows, as the learner's phone would.
 */
import { useMemo, useState } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { useAppStore } from '../../store';
import { roleChoices } from '../../world/choices';
import { callerOf } from './buildRequest';
import { STS_CALLS, type StsCall, type StsDraft } from './draft';
import { describedBy, FieldProblem } from './FieldProblem';
import { codeNow, mfaDevicesOf, worldTime } from './signIn';
import { STS_FIELDS, issuesSession, type StsField, type StsProblem } from './sts';

type Problems = Partial<Record<StsField | 'as', StsProblem | 'required'>>;

const MULTILINE: ReadonlySet<StsField> = new Set(['Policy', 'PolicyArns', 'Tags']);
const PLACEHOLDERS: Partial<Record<StsField, string>> = {
  RoleArn: 'arn:aws:iam::111122223333:role/Auditor',
  RoleSessionName: 'audit',
  ExternalId: 'partner-1234',
  DurationSeconds: '3600',
  SerialNumber: 'arn:aws:iam::111122223333:mfa/alice',
  TokenCode: '123456',
  Policy: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}',
  PolicyArns: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
  Tags: 'team=blue',
  SourceIdentity: 'alice',
  Name: 'bob',
  WebIdentityToken: 'eyJhbGciOi…',
};

export function StsFields({ ids, problems }: { readonly ids: string; readonly problems: Problems }) {
  const t = useT();
  const world = useAppStore((s) => s.world);
  const draft = useAppStore((s) => s.draft);
  const setDraft = useAppStore((s) => s.setDraft);
  const sts = draft.sts;
  const setSts = (patch: Partial<StsDraft>) => setDraft({ sts: { ...sts, ...patch } });
  const roles = useMemo(() => (world ? roleChoices(world) : []), [world]);
  const caller = callerOf(draft).principal;
  const devices = world && caller ? mfaDevicesOf(world, caller) : [];
  const [codeTime, setCodeTime] = useState<string | undefined>(undefined);

  const device = devices.find((d) => d.serial === sts.SerialNumber.trim());
  const fillCode = async () => {
    if (!world || !device) return;
    const code = await codeNow(world, device);
    if (code === undefined) return;
    setSts({ TokenCode: code });
    setCodeTime(worldTime(world).toISOString().slice(11, 19));
  };

  const problemText = (field: StsField | 'as') => {
    const problem = problems[field];
    return problem === undefined ? undefined : t(`console.problem.${problem}` as MessageKey);
  };

  const renderField = (field: StsField) => {
    const id = `${ids}-sts-${field}`;
    const problem = problemText(field);
    const described = describedBy(`${id}-hint`, `${id}-problem`, problem !== undefined);
    const common = {
      id,
      value: sts[field],
      placeholder: PLACEHOLDERS[field],
      spellCheck: false,
      'aria-invalid': problem !== undefined,
      'aria-describedby': described,
    };
    const list = field === 'RoleArn' ? `${ids}-roles` : field === 'SerialNumber' ? `${ids}-devices` : undefined;
    return (
      <div className="field" key={field}>
        <label htmlFor={id}>{field}</label>
        {MULTILINE.has(field) ? (
          <textarea {...common} rows={field === 'Policy' ? 4 : 2} onChange={(e) => setSts({ [field]: e.target.value })} />
        ) : field === 'TokenCode' ? (
          <div className="console-inline">
            <input {...common} inputMode="numeric" autoComplete="off" onChange={(e) => setSts({ TokenCode: e.target.value })} />
            <button type="button" className="button" onClick={() => void fillCode()} disabled={!device} aria-describedby={`${id}-code-hint`}>
              {t('console.sts.codeNow')}
            </button>
          </div>
        ) : (
          <input {...common} list={list} autoComplete="off" onChange={(e) => setSts({ [field]: e.target.value })} />
        )}
        <p id={`${id}-hint`} className="hint">
          {t(`console.sts.hint.${field}` as MessageKey)}
        </p>
        {field === 'TokenCode' ? (
          <p id={`${id}-code-hint`} className="hint">
            {device ? t('console.sts.codeNowHint', { time: codeTime ?? (world ? worldTime(world).toISOString().slice(11, 19) : '') }) : sts.SerialNumber.trim() !== '' ? t('console.sts.noSeed') : ''}
          </p>
        ) : null}
        <FieldProblem id={`${id}-problem`} text={problem} />
      </div>
    );
  };

  const asProblem = problemText('as');
  return (
    <div className="console-group">
      <div className="field">
        <label htmlFor={`${ids}-sts-call`}>{t('console.sts.call')}</label>
        <select id={`${ids}-sts-call`} value={sts.call} onChange={(e) => setSts({ call: e.target.value as StsCall })} aria-describedby={`${ids}-sts-call-hint`}>
          {STS_CALLS.map((call) => (
            <option key={call} value={call}>
              {call}
            </option>
          ))}
        </select>
        <p id={`${ids}-sts-call-hint`} className="hint">
          {t(`console.sts.callHint.${sts.call}`)}
        </p>
      </div>
      <datalist id={`${ids}-roles`}>
        {roles.map((r) => (
          <option key={r.arn} value={r.arn} label={r.label} />
        ))}
      </datalist>
      <datalist id={`${ids}-devices`}>
        {devices.map((d) => (
          <option key={d.serial} value={d.serial} />
        ))}
      </datalist>
      {STS_FIELDS[sts.call].map(renderField)}
      {issuesSession(sts.call) ? (
        <div className="field">
          <label htmlFor={`${ids}-sts-as`}>{t('console.sts.as')}</label>
          <input
            id={`${ids}-sts-as`}
            value={sts.as}
            onChange={(e) => setSts({ as: e.target.value })}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={asProblem !== undefined}
            aria-describedby={describedBy(`${ids}-sts-as-hint`, `${ids}-sts-as-problem`, asProblem !== undefined)}
          />
          <p id={`${ids}-sts-as-hint`} className="hint">
            {t('console.sts.asHint', { name: sts.as.trim() || 'NAME' })}
          </p>
          <FieldProblem id={`${ids}-sts-as-problem`} text={asProblem} />
        </div>
      ) : null}
    </div>
  );
}
