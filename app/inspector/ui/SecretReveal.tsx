/**
 * A secret shown once, as AWS shows a new secret access key or MFA seed: with copy buttons
 * and a way to close it. The world keeps the secret (the engine needs it to check a
 * signature or a code); the interface does not show it again.
 */
import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n';
import { ActionIcon } from './icons';

export interface SecretLine {
  readonly label: string;
  readonly value: string;
}

function CopyButton({ line }: { readonly line: SecretLine }) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    // The clipboard needs a secure context and the page's focus; when refused, the text is selectable.
    if (!navigator.clipboard) {
      setState('failed');
      return;
    }
    navigator.clipboard.writeText(line.value).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <>
      <button type="button" className="button secondary small" onClick={copy} aria-label={t('inspector.secret.copy', { what: line.label })}>
        <ActionIcon name={state === 'copied' ? 'check' : 'copy'} />
        {t(state === 'copied' ? 'inspector.secret.copied' : 'inspector.secret.copyShort')}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? t('inspector.secret.copiedWhat', { what: line.label }) : state === 'failed' ? t('inspector.secret.copyFailed') : ''}
      </span>
    </>
  );
}

export function SecretReveal({ title, note, lines, onDone }: { readonly title: string; readonly note: string; readonly lines: readonly SecretLine[]; readonly onDone: () => void }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div className="secret-box" role="region" aria-label={title} tabIndex={-1} ref={box}>
      <p className="secret-title">
        <Icon name="warning" size={16} />
        {title}
      </p>
      <p className="secret-note">{note}</p>
      <dl className="secret-lines">
        {lines.map((line) => (
          <div key={line.label} className="secret-line">
            <dt>{line.label}</dt>
            <dd>
              <code className="secret-value">{line.value}</code>
              <CopyButton line={line} />
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button primary small" onClick={onDone}>
        {t('inspector.secret.done')}
      </button>
    </div>
  );
}
