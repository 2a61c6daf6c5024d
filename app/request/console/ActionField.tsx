/**
 * The action: typed, with completion from the world's policies and, once the learner types a
 * service prefix, every action of that service from the IAM service data; beneath it, what
 * the Service Authorization Reference says of the action (access level, description).
 */
import { useMemo } from 'react';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import { actionChoices, suggest } from '../../world/choices';
import { describedBy, FieldProblem } from './FieldProblem';
import { useCatalogue } from './useCatalogue';

const NO_ACTIONS: readonly string[] = [];

export function ActionField({ ids, problem }: { readonly ids: string; readonly problem?: string }) {
  const t = useT();
  const world = useAppStore((s) => s.world);
  const action = useAppStore((s) => s.draft.action);
  const setDraft = useAppStore((s) => s.setDraft);
  const worldActions = useMemo(() => (world ? actionChoices(world) : NO_ACTIONS), [world]);
  const colon = action.indexOf(':');
  const prefix = colon > 0 ? action.slice(0, colon).trim().toLowerCase() : '';
  const { catalogue, indexReady, serviceReady } = useCatalogue(prefix);

  const suggestions = useMemo(() => {
    const out = new Set(worldActions);
    if (serviceReady && prefix !== '' && catalogue.loadedService(prefix)) {
      for (const a of catalogue.actionsMatching(`${prefix}:*`)) out.add(`${a.service}:${a.name}`);
    }
    return [...out];
  }, [worldActions, catalogue, serviceReady, prefix]);

  let info: string | undefined;
  let description: string | undefined;
  const name = colon > 0 ? action.slice(colon + 1).trim() : '';
  if (indexReady && prefix !== '' && name !== '' && !/[*?]/.test(name)) {
    const lookup = catalogue.lookupAction(prefix, name);
    if (lookup.kind === 'known') {
      info = t('console.action.access', { levels: lookup.action.accessLevels.join(', ') });
      description = lookup.action.description;
    } else if (lookup.kind === 'notLoaded') info = t('console.action.loading');
    else if (lookup.kind === 'unknownService') info = t('console.action.unknownService', { service: prefix });
    else info = t('console.action.unknownAction', { service: prefix, action: name });
  }

  return (
    <div className="field">
      <label htmlFor={`${ids}-action`}>{t('request.action')}</label>
      <input
        id={`${ids}-action`}
        value={action}
        onChange={(e) => setDraft({ action: e.target.value })}
        list={`${ids}-actions`}
        placeholder="s3:GetObject"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem !== undefined}
        aria-describedby={describedBy(`${ids}-action-hint`, `${ids}-action-problem`, problem !== undefined)}
      />
      <datalist id={`${ids}-actions`}>
        {suggest(suggestions, action).map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <p id={`${ids}-action-hint`} className="hint">
        {info === undefined ? t('request.actionHint') : info}
        {description ? <span className="console-action-doc"> — {description}</span> : null}
      </p>
      <FieldProblem id={`${ids}-action-problem`} text={problem} />
    </div>
  );
}
