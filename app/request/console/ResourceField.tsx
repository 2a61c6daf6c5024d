/** The resource: an ARN of the world (buckets, objects its policies name, roles, users …) or typed. */
import { useMemo } from 'react';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import { resourceChoices, suggest } from '../../world/choices';
import { describedBy, FieldProblem } from './FieldProblem';

const NO_RESOURCES: readonly string[] = [];

export function ResourceField({ ids, problem }: { readonly ids: string; readonly problem?: string }) {
  const t = useT();
  const world = useAppStore((s) => s.world);
  const resource = useAppStore((s) => s.draft.resource);
  const setDraft = useAppStore((s) => s.setDraft);
  const resources = useMemo(() => (world ? resourceChoices(world) : NO_RESOURCES), [world]);
  return (
    <div className="field">
      <label htmlFor={`${ids}-resource`}>{t('request.resource')}</label>
      <input
        id={`${ids}-resource`}
        value={resource}
        onChange={(e) => setDraft({ resource: e.target.value })}
        list={`${ids}-resources`}
        placeholder="arn:aws:s3:::bucket/key"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem !== undefined}
        aria-describedby={describedBy(`${ids}-resource-hint`, `${ids}-resource-problem`, problem !== undefined)}
      />
      <datalist id={`${ids}-resources`}>
        {suggest(resources, resource).map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <p id={`${ids}-resource-hint`} className="hint">
        {t('request.resourceHint')}
      </p>
      <FieldProblem id={`${ids}-resource-problem`} text={problem} />
    </div>
  );
}
