/** The scenario's own requests, as one-click ways to fill the form. */
import { useT } from '../i18n';
import type { RequestJson } from '../../engine/scenario/types';
import { useAppStore } from '../store';

// One empty list for every world without requests: a selector must return the same value
// for the same state, or React renders forever (a fresh `[]` each time is never equal).
const NO_REQUESTS: readonly RequestJson[] = [];

export function Examples() {
  const t = useT();
  const requests = useAppStore((s) => s.world?.requests ?? NO_REQUESTS);
  const exampleId = useAppStore((s) => s.draft.exampleId);
  const setDraft = useAppStore((s) => s.setDraft);
  const usable = requests.filter((r) => r.id !== undefined && r.principal !== undefined);
  if (usable.length === 0) return null;
  return (
    <section className="examples" aria-labelledby="examples-title">
      <h3 id="examples-title" className="section-title">
        {t('request.examples')}
      </h3>
      <ul className="chip-list">
        {usable.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className="chip"
              aria-pressed={exampleId === r.id}
              onClick={() => setDraft({ principal: r.principal ?? '', action: r.action, resource: r.resource, exampleId: r.id })}
            >
              {r.id}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
