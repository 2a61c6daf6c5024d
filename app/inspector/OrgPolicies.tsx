/** The SCPs and RCPs attached to one root, OU or account: detach, or attach another of the organization's. */
import type { ScenarioJson } from '../../engine/scenario/types';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { nodeId } from '../world/ids';
import { IconButton, Item, ItemList, useActionProblem } from './ui/lists';
import { AddSelect } from './ui/pickers';
import { ProblemText } from './ui/Problem';
import { Section } from './ui/Section';
import { useEdits } from './useEdits';

export function OrgPoliciesOf({ world, target }: { readonly world: ScenarioJson; readonly target: string }) {
  const t = useT();
  const edits = useEdits();
  const select = useAppStore((s) => s.select);
  const [problem, setProblem, problemId] = useActionProblem();
  const policies = world.organization?.policies ?? [];
  const attached = policies.filter((p) => p.targets?.includes(target));
  const others = policies.filter((p) => !p.targets?.includes(target));
  return (
    <Section title={t('inspector.org.policies')} count={attached.length}>
      <ItemList empty={t('inspector.org.noPolicies')}>
        {attached.map((p) => (
          <Item key={p.name} name={p.name} note={p.type} onOpen={() => select(nodeId.orgPolicy(p.type, p.name))} openLabel={t('inspector.openPolicy', { name: p.name })}>
            <IconButton icon="minus" label={t('inspector.policies.detach', { name: p.name })} onClick={() => setProblem(edits.run({ op: 'detachOrgPolicy', name: p.name, target }))} />
          </Item>
        ))}
      </ItemList>
      <ProblemText id={problemId} problem={problem} />
      {others.length > 0 ? (
        <AddSelect
          label={t('inspector.org.attach')}
          placeholder={t('inspector.choose')}
          choices={others.map((p) => ({ value: p.name, label: `${p.name} · ${p.type}` }))}
          button={t('inspector.attach')}
          onAdd={(name) => edits.run({ op: 'attachOrgPolicy', name, target })}
        />
      ) : null}
    </Section>
  );
}
