/**
 * The parameters of an IAM write (the simulated IAM API's table drives the form): one field
 * per parameter, labelled with its API name, offering what the world has (users, groups,
 * roles, policy ARNs). Left empty, the request only asks whether the call is allowed; filled
 * in, an allowed call is applied to the world. A parameter the resource gives shows the
 * resource's value; choosing a user (group, role, policy) fills an empty resource.
 */
import { useMemo } from 'react';
import type { ApiParamSpec, ApiSpec } from '../../../engine/iamApi/types';
import { useT, type MessageKey } from '../../i18n';
import { useAppStore } from '../../store';
import { callerOf } from './buildRequest';
import { describedBy, FieldProblem } from './FieldProblem';
import { fromResourceValue, type ParamProblem } from './iamParams';
import { paramChoices, resourceOfParam } from './paramChoices';

const PLACEHOLDERS: Readonly<Record<string, string>> = {
  PolicyDocument: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}',
  AssumeRolePolicyDocument: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"}]}',
  Tags: 'team=blue',
  TagKeys: 'team',
  MaxSessionDuration: '3600',
  Path: '/',
};

/** Parameters the form explains with a hint of its own (others: none). */
const HINTED: ReadonlySet<string> = new Set([
  'UserName', 'GroupName', 'RoleName', 'PolicyArn', 'PolicyName', 'PolicyDocument', 'AssumeRolePolicyDocument', 'Path', 'Tags', 'TagKeys',
  'PermissionsBoundary', 'Description', 'SetAsDefault', 'AccessKeyId', 'Status', 'Password', 'PasswordResetRequired', 'MaxSessionDuration',
]);

interface Props {
  readonly ids: string;
  readonly spec: ApiSpec;
  /** Problems of malformed values, by parameter name. */
  readonly problems: Readonly<Record<string, ParamProblem>>;
}

export function ParamsField({ ids, spec, problems }: Props) {
  const t = useT();
  const world = useAppStore((s) => s.world);
  const draft = useAppStore((s) => s.draft);
  const setDraft = useAppStore((s) => s.setDraft);
  const values = draft.params ?? {};
  const caller = callerOf(draft).principal ?? '';
  const userName = values['UserName']?.trim() ?? '';
  const choices = useMemo(
    () => Object.fromEntries(spec.params.map((p) => [p.name, world ? paramChoices(world, p, userName) : []])),
    [world, spec, userName],
  );

  const change = (param: ApiParamSpec, value: string) => {
    const params = { ...values, [param.name]: value };
    // The other way round: the entity chosen is the resource the call is authorized on, if none is given yet.
    const resource = draft.resource.trim() === '' && world ? resourceOfParam(world, param, value, caller) : undefined;
    setDraft({ params, ...(resource !== undefined ? { resource } : {}) });
  };

  const hintOf = (param: ApiParamSpec): string => {
    const parts: string[] = [];
    if (HINTED.has(param.name)) parts.push(t(`console.param.hint.${param.name}` as MessageKey));
    const fromResource = fromResourceValue(param, draft.resource);
    const empty = (values[param.name] ?? '').trim() === '';
    // What an empty field means, while it is empty: the resource's value, or the caller.
    if (param.fromResource) {
      if (empty) parts.push(fromResource !== undefined ? t('console.param.fromResource', { value: fromResource }) : t('console.param.fromResourceEmpty'));
    } else if (param.defaultsTo === 'caller') parts.push(t('console.param.defaultsToCaller'));
    else if (param.required) parts.push(t('console.param.required'));
    else parts.push(t('console.param.optional'));
    return parts.join(' ');
  };

  const renderParam = (param: ApiParamSpec) => {
    const id = `${ids}-param-${param.name}`;
    const value = values[param.name] ?? '';
    const problem = problems[param.name];
    const problemText = problem === undefined ? undefined : t(`console.param.problem.${problem}` as MessageKey);
    const described = describedBy(`${id}-hint`, `${id}-problem`, problemText !== undefined);
    const hint = (
      <p id={`${id}-hint`} className="hint">
        {hintOf(param)}
      </p>
    );
    if (param.type === 'boolean') {
      return (
        <div className="field" key={param.name}>
          <label className="console-check">
            <input type="checkbox" checked={value === 'true'} onChange={(e) => change(param, e.target.checked ? 'true' : '')} aria-describedby={`${id}-hint`} />
            {param.name}
          </label>
          {hint}
        </div>
      );
    }
    const common = {
      id,
      value,
      spellCheck: false,
      autoComplete: 'off',
      placeholder: fromResourceValue(param, draft.resource) ?? PLACEHOLDERS[param.name],
      'aria-invalid': problemText !== undefined,
      'aria-describedby': described,
    };
    const multiline = param.type === 'policyDocument' || param.type === 'tags' || param.type === 'stringList';
    const list = choices[param.name]?.length ? `${id}-choices` : undefined;
    return (
      <div className="field" key={param.name}>
        <label htmlFor={id}>{param.name}</label>
        {multiline ? (
          <textarea {...common} rows={param.type === 'policyDocument' ? 6 : 2} className={param.type === 'policyDocument' ? 'console-json' : undefined} onChange={(e) => change(param, e.target.value)} />
        ) : (
          <input {...common} inputMode={param.type === 'integer' ? 'numeric' : undefined} list={list} onChange={(e) => change(param, e.target.value)} />
        )}
        {list ? (
          <datalist id={list}>
            {choices[param.name]!.map((c) => (
              <option key={c.value} value={c.value} label={c.label} />
            ))}
          </datalist>
        ) : null}
        {hint}
        <FieldProblem id={`${id}-problem`} text={problemText} />
      </div>
    );
  };

  const given = spec.params.some((p) => (values[p.name] ?? '').trim() !== '');
  return (
    <fieldset className="console-group console-params" aria-describedby={`${ids}-params-hint`}>
      <legend>{t('console.params.title')}</legend>
      <p id={`${ids}-params-hint`} className="hint">
        {t('console.params.hint', { action: spec.action })} {given ? t('console.params.willApply') : t('console.params.authzOnly')}
      </p>
      {spec.params.map(renderParam)}
    </fieldset>
  );
}
