/** The event log (issue 6): built by the event-log work; this shell only holds its place. */
import { useT } from '../i18n';

export default function EventLog() {
  const t = useT();
  return <p className="muted map-loading">{t('main.loading')}</p>;
}
