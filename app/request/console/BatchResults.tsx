/**
 * The results of "Run all": each saved request with the engine's decision (icon and words)
 * and whether it meets the request's `expect` (the engine's rule, engine/check); a row opens
 * its decision in the decision view.
 */
import { Icon } from '../../components/Icon';
import { expectationWords } from '../../exercises/describeGoal';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import type { BatchRow } from '../../store/requestSlice';
import { meetsExpectation, verdictOf } from '../decidingStatements';

function DecisionCell({ row }: { readonly row: BatchRow }) {
  const t = useT();
  const result = row.result;
  if (result.state === 'failed') return <span className="console-problem">{t('console.batch.failed', { message: result.message })}</span>;
  if (result.state !== 'done') return null;
  const decision = result.decision.decision;
  const verdict = verdictOf(decision);
  return (
    <span className={`console-verdict console-verdict-${verdict}`}>
      <Icon name={verdict} size={14} />
      {verdict === 'error' ? t('decision.errorCode', { code: decision }) : t(`decision.${verdict}`)}
    </span>
  );
}

function ExpectedCell({ row }: { readonly row: BatchRow }) {
  const t = useT();
  const result = row.result;
  if (result.state !== 'done' || result.expected === undefined) return <span aria-hidden="true">{t('console.batch.noExpect')}</span>;
  const met = meetsExpectation(result.decision.decision, result.expected);
  return (
    <span className={met ? 'console-met' : 'console-not-met'}>
      <span aria-hidden="true">{met ? '✓ ' : '✗ '}</span>
      {met ? t('console.batch.met') : t('console.batch.notMet', { expect: expectationWords(t, result.expected) })}
    </span>
  );
}

export function BatchResults() {
  const t = useT();
  const batch = useAppStore((s) => s.batch);
  if (batch.state === 'idle') return null;
  const checked = batch.rows.filter((r) => r.result.state === 'done' && r.result.expected !== undefined);
  const met = checked.filter((r) => r.result.state === 'done' && r.result.expected !== undefined && meetsExpectation(r.result.decision.decision, r.result.expected));
  const open = (row: BatchRow) => {
    const store = useAppStore.getState();
    store.setResult(row.result);
    store.setMainView('decision');
  };
  return (
    <div className="console-batch">
      <table className="console-batch-table">
        <caption>
          {t('console.batch.title')}
          {batch.state === 'done' && checked.length > 0 ? <span className="muted"> · {t('console.batch.summary', { met: met.length, checked: checked.length })}</span> : null}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('console.batch.id')}</th>
            <th scope="col">{t('console.batch.decision')}</th>
            <th scope="col">{t('console.batch.expected')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('console.batch.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {batch.rows.map((row, i) => (
            <tr key={`${row.id}-${i}`}>
              <th scope="row">
                <code>{row.id}</code>
              </th>
              <td>
                <DecisionCell row={row} />
              </td>
              <td>
                <ExpectedCell row={row} />
              </td>
              <td>
                {row.result.state === 'done' ? (
                  <button type="button" className="button console-open" aria-label={t('console.batch.openLabel', { id: row.id })} onClick={() => open(row)}>
                    {t('console.batch.open')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
