/**
 * "Add …": a small form per kind — a name, the account to create it in (preselected),
 * a path; for an account an unused 12-digit id and an alias; for a resource a service and
 * a name (the ARN is built and shown) or a raw ARN; for a policy its first document. The
 * engine judges the edit: a refusal is shown next to its field and the dialog stays open.
 */
import { useState } from 'react';
import type { EditError, WorldEdit } from '../../../engine/edit/types';
import type { ScenarioJson } from '../../../engine/scenario/types';
import { translateEditError, useLang, type MessageKey } from '../../i18n';
import { useAppStore } from '../../store';
import { createNode } from '../actions';
import { useBuilder, type DialogState } from '../BuilderContext';
import { DEFAULT_POLICY, DEFAULT_SCP, defaultRcp, isRegional, newOrgUnitId, randomId, RESOURCE_SERVICES, resourceArn, unusedAccountId, type CreateKind, type ResourceService } from '../creation';
import { Dialog } from './Dialog';
import { SelectField, TextField } from './fields';

type CreateRequest = Extract<DialogState, { type: 'create' }>;
type Values = Record<string, string>;

const TITLE: Readonly<Record<CreateKind, MessageKey>> = {
  account: 'builder.create.account',
  user: 'builder.create.user',
  group: 'builder.create.group',
  role: 'builder.create.role',
  policy: 'builder.create.policy',
  resource: 'builder.create.resource',
  organization: 'builder.create.organization',
  orgUnit: 'builder.create.orgUnit',
  scp: 'builder.create.scp',
  rcp: 'builder.create.rcp',
};

const SERVICE_LABEL: Readonly<Record<ResourceService | 'arn', MessageKey>> = {
  s3: 'builder.service.s3',
  sqs: 'builder.service.sqs',
  sns: 'builder.service.sns',
  kms: 'builder.service.kms',
  lambda: 'builder.service.lambda',
  dynamodb: 'builder.service.dynamodb',
  secretsmanager: 'builder.service.secretsmanager',
  arn: 'builder.service.arn',
};

function initialValues(request: CreateRequest, world: ScenarioJson, rootUnit: string | undefined, orgId: string | undefined): Values {
  const account = request.account ?? world.accounts[0]?.id ?? '';
  switch (request.kind) {
    case 'account':
      return { id: unusedAccountId(world), alias: '' };
    case 'policy':
      return { name: '', account, path: '/', document: DEFAULT_POLICY };
    case 'resource':
      return { account, service: 's3', name: '', region: 'us-east-1', arn: '', suffix: randomId(6, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') };
    case 'organization':
      return { managementAccount: account };
    case 'orgUnit':
      return { name: '', parent: request.unit ?? rootUnit ?? '' };
    case 'scp':
      return { name: '', document: DEFAULT_SCP };
    case 'rcp':
      return { name: '', document: defaultRcp(orgId ?? 'o-exampleorgid') };
    default:
      return { name: '', account, path: '/' };
  }
}

function pathOf(v: Values): { path?: string } {
  const path = v.path?.trim();
  return path && path !== '/' ? { path } : {};
}

export function CreateDialog({ request, onClose }: { readonly request: CreateRequest; readonly onClose: () => void }) {
  const b = useBuilder();
  const { t, graph } = b;
  const lang = useLang();
  const world = useAppStore((s) => s.world);
  const rootNode = graph.nodes.find((n) => n.kind === 'orgRoot');
  const [values, setValues] = useState<Values>(() => (world ? initialValues(request, world, rootNode?.id, world.organization?.id) : {}));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  if (!world) return null;

  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const accountOptions = world.accounts.map((a) => ({ value: a.id, label: a.alias ? `${a.alias} (${a.id})` : a.id }));
  const unitOptions = graph.nodes.filter((n) => n.kind === 'orgRoot' || n.kind === 'orgUnit').map((n) => ({ value: n.id, label: `${t(n.kind === 'orgRoot' ? 'builder.kind.orgRoot' : 'builder.kind.orgUnit')} ${n.label}` }));
  const service = (values.service ?? 's3') as ResourceService | 'arn';
  const arn = service === 'arn' ? (values.arn ?? '').trim() : resourceArn(service, (values.name ?? '').trim(), (values.region ?? '').trim(), values.account ?? '', values.suffix ?? '');

  const documentOf = (): { ok: true; value: unknown } | { ok: false } => {
    try {
      return { ok: true, value: JSON.parse(values.document ?? '') as unknown };
    } catch (e) {
      setErrors({ document: t('builder.error.json', { message: e instanceof Error ? e.message : String(e) }) });
      return { ok: false };
    }
  };

  const editsOf = (): WorldEdit[] | null => {
    const name = values.name ?? '';
    const account = values.account ?? '';
    switch (request.kind) {
      case 'account': {
        const id = (values.id ?? '').trim();
        const alias = (values.alias ?? '').trim();
        const unit = request.unit ? graph.nodes.find((n) => n.id === request.unit)?.unit : undefined;
        return [{ op: 'createAccount', id, ...(alias ? { alias } : {}) }, ...(unit ? [{ op: 'moveAccount', account: id, parent: unit } as const] : [])];
      }
      case 'user':
        return [{ op: 'createUser', account, name, ...pathOf(values) }];
      case 'group':
        return [{ op: 'createGroup', account, name, ...pathOf(values) }];
      case 'role':
        return [{ op: 'createRole', account, name, ...pathOf(values) }];
      case 'policy': {
        const document = documentOf();
        return document.ok ? [{ op: 'createPolicy', account, name, ...pathOf(values), document: document.value }] : null;
      }
      case 'resource':
        return [{ op: 'createResource', account, arn }];
      case 'organization':
        return [{ op: 'createOrganization', managementAccount: values.managementAccount ?? '' }];
      case 'orgUnit': {
        const parent = graph.nodes.find((n) => n.id === values.parent)?.unit ?? '';
        return [{ op: 'createOrgUnit', id: newOrgUnitId(rootNode?.unit, randomId(8)), name, parent }];
      }
      case 'scp':
      case 'rcp': {
        const document = documentOf();
        return document.ok ? [{ op: 'createOrgPolicy', name, type: request.kind === 'scp' ? 'SCP' : 'RCP', document: document.value }] : null;
      }
    }
  };

  /** The field of this form an engine error points at. */
  const fieldOf = (error: EditError): string | undefined => {
    const field = error.field === 'arn' && request.kind === 'resource' ? (service === 'arn' ? 'arn' : 'name') : error.field === 'newName' ? 'name' : error.field;
    return field !== undefined && field in values ? field : undefined;
  };

  const submit = () => {
    setErrors({});
    setFormError(null);
    const edits = editsOf();
    if (!edits) return;
    const result = createNode(b, edits, request.at);
    if (result.ok) {
      onClose();
      return;
    }
    const message = translateEditError(lang, result.error);
    const field = fieldOf(result.error);
    if (field) setErrors({ [field]: message });
    else setFormError(message);
  };

  const nameField = (label: MessageKey = 'builder.field.name', hint?: MessageKey) => (
    <TextField name="name" label={t(label)} value={values.name ?? ''} onChange={set('name')} error={errors.name} hint={hint ? t(hint) : undefined} autoFocus />
  );
  const accountField = <SelectField name="account" label={t('builder.field.account')} value={values.account ?? ''} options={accountOptions} onChange={set('account')} error={errors.account} />;
  const pathField = <TextField name="path" label={t('builder.field.path')} value={values.path ?? ''} onChange={set('path')} error={errors.path} hint={t('builder.field.pathHint')} mono />;
  const documentField = (hint: MessageKey) => <TextField name="document" label={t('builder.field.document')} value={values.document ?? ''} onChange={set('document')} error={errors.document} hint={t(hint)} multiline />;

  let body;
  switch (request.kind) {
    case 'account':
      body = (
        <>
          <TextField name="id" label={t('builder.field.accountId')} value={values.id ?? ''} onChange={set('id')} error={errors.id} hint={t('builder.field.accountIdHint')} mono inputMode="numeric" autoFocus />
          <TextField name="alias" label={t('builder.field.alias')} value={values.alias ?? ''} onChange={set('alias')} error={errors.alias} hint={t('builder.field.aliasHint')} />
        </>
      );
      break;
    case 'user':
    case 'group':
      body = (
        <>
          {nameField()}
          {accountField}
          {pathField}
        </>
      );
      break;
    case 'role':
      body = (
        <>
          {nameField('builder.field.name', 'builder.field.roleHint')}
          {accountField}
          {pathField}
        </>
      );
      break;
    case 'policy':
      body = (
        <>
          {nameField()}
          {accountField}
          {pathField}
          {documentField('builder.field.documentHint')}
        </>
      );
      break;
    case 'resource':
      body = (
        <>
          {accountField}
          <SelectField
            name="service"
            label={t('builder.field.service')}
            value={service}
            options={[...RESOURCE_SERVICES, 'arn' as const].map((s) => ({ value: s, label: t(SERVICE_LABEL[s]) }))}
            onChange={(value) => setValues((v) => ({ ...v, service: value, ...(value === 'kms' && !v.name ? { name: crypto.randomUUID() } : {}) }))}
          />
          {service === 'arn' ? (
            <TextField name="arn" label={t('builder.field.arn')} value={values.arn ?? ''} onChange={set('arn')} error={errors.arn} mono autoFocus />
          ) : (
            <>
              {nameField(service === 'kms' ? 'builder.field.keyId' : 'builder.field.name')}
              {isRegional(service) ? <TextField name="region" label={t('builder.field.region')} value={values.region ?? ''} onChange={set('region')} error={errors.region} mono /> : null}
              <p className="field-preview">
                <span className="field-label">{t('builder.field.arnPreview')}</span>
                <output className="mono" dir="ltr">
                  {arn}
                </output>
              </p>
            </>
          )}
        </>
      );
      break;
    case 'organization':
      body = (
        <SelectField
          name="managementAccount"
          label={t('builder.field.managementAccount')}
          value={values.managementAccount ?? ''}
          options={accountOptions}
          onChange={set('managementAccount')}
          error={errors.managementAccount}
          hint={t('builder.field.managementAccountHint')}
          autoFocus
        />
      );
      break;
    case 'orgUnit':
      body = (
        <>
          {nameField()}
          <SelectField name="parent" label={t('builder.field.parent')} value={values.parent ?? ''} options={unitOptions} onChange={set('parent')} error={errors.parent} />
        </>
      );
      break;
    case 'scp':
    case 'rcp':
      body = (
        <>
          {nameField()}
          {documentField(request.kind === 'scp' ? 'builder.field.scpHint' : 'builder.field.rcpHint')}
        </>
      );
      break;
  }

  return (
    <Dialog title={t(TITLE[request.kind])} submitLabel={t('builder.create.submit')} error={formError} onSubmit={submit} onClose={onClose}>
      {body}
    </Dialog>
  );
}
