/**
 * Pieces the audit sections share: the section's heading and intro, the principal picker,
 * the button that opens a statement in its policy, and the way to the request console.
 */
import type { ReactNode } from 'react';
import type { PolicyRef } from '../../engine/evaluate/types';
import type { Span } from '../../engine/policy/types';
import { Icon } from '../components/Icon';
import { useT, type MessageKey } from '../i18n';
import { useAppStore } from '../store';
import type { PrincipalOption } from './auditView';
import './audit.css';

export function AuditHead({ id, title, intro, children }: { readonly id: string; readonly title: MessageKey; readonly intro: MessageKey; readonly children?: ReactNode }) {
  const t = useT();
  return (
    <header className="audit-head">
      <h3 id={id} className="audit-title">
        {t(title)}
      </h3>
      <p className="muted audit-intro">{t(intro)}</p>
      {children}
    </header>
  );
}

/** The label a principal has in a picker: `IAM user alice · acme-analytics`. */
export function usePrincipalLabel(): (p: PrincipalOption) => string {
  const t = useT();
  return (p) => (p.kind === 'root' ? `${t('kind.root')} · ${p.accountLabel}` : `${t(p.kind === 'user' ? 'kind.user' : 'kind.role')} ${p.name} · ${p.accountLabel}`);
}

export function PrincipalSelect({
  id,
  options,
  value,
  onChange,
}: {
  readonly id: string;
  readonly options: readonly PrincipalOption[];
  readonly value: string;
  readonly onChange: (arn: string) => void;
}) {
  const t = useT();
  const label = usePrincipalLabel();
  return (
    <div className="field audit-field">
      <label htmlFor={id}>{t('audit.principal')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((p) => (
          <option key={p.arn} value={p.arn}>
            {label(p)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A principal picker and Analyse, for the analyses of one principal's activity (the event
 * log): `run` receives the chosen principal's ARN. Without principals, says so.
 */
export function PrincipalRunForm({ id, options, value, onChange, run }: {
  readonly id: string;
  readonly options: readonly PrincipalOption[];
  readonly value: string;
  readonly onChange: (arn: string) => void;
  readonly run: (principal: string) => void;
}) {
  const t = useT();
  if (options.length === 0) return <p className="muted">{t('audit.noPrincipals')}</p>;
  return (
    <form
      className="audit-form"
      onSubmit={(e) => {
        e.preventDefault();
        run(value);
      }}
    >
      <PrincipalSelect id={`${id}-principal`} options={options} value={value} onChange={onChange} />
      <button type="submit" className="button primary small">
        {t('analysis.run')}
      </button>
    </form>
  );
}

/**
 * Selects the policy on the map and marks the statement (or the finding's span) in it.
 * `label` is the accessible name and must contain the visible `text` (WCAG label in name).
 */
export function StatementButton({ policy, span, text, label }: { readonly policy: PolicyRef; readonly span: Span | undefined; readonly text: string; readonly label: string }) {
  const showStatement = useAppStore((s) => s.showStatement);
  return (
    <button type="button" className="button secondary small audit-statement" aria-label={label} title={label} onClick={() => showStatement({ nodeId: policy.id, span })}>
      <Icon name="policy" size={14} />
      <span className="audit-statement-text">{text}</span>
    </button>
  );
}

/** Moves the focus to the request console (where requests are sent). */
export function focusConsole(): void {
  const console = document.getElementById('request-console');
  console?.scrollIntoView({ block: 'start' });
  console?.focus();
}

export function ToConsoleButton() {
  const t = useT();
  return (
    <button type="button" className="button secondary small" onClick={focusConsole}>
      <Icon name="send" size={14} />
      {t('audit.toConsole')}
    </button>
  );
}

/**
 * The box a wide table scrolls in: focusable, so the keyboard can scroll it too (axe's
 * scrollable-region-focusable), and named like its table.
 */
export function TableWrap({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="audit-table-wrap" tabIndex={0} role="group" aria-label={label}>
      {children}
    </div>
  );
}
