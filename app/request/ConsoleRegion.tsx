/**
 * The request console's content: the form, the examples and the decision of the last
 * request. Its own chunk: it is shown once the world is open, so it loads beside the
 * world instead of delaying the first paint (issue 9's budget).
 */
import { useT } from '../i18n';
import { DecisionView } from './DecisionView';
import { Examples } from './Examples';
import { RequestForm } from './RequestForm';

export default function ConsoleRegion() {
  const t = useT();
  return (
    <>
      <RequestForm />
      <Examples />
      <section className="decision-region" aria-labelledby="decision-title">
        <h2 id="decision-title" className="region-title">
          {t('decision.title')}
        </h2>
        <DecisionView />
      </section>
    </>
  );
}
