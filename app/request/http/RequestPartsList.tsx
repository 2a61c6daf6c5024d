/**
 * The parts of the signed request in the editor, named and explained for a learner: what
 * each one is and what AWS does with it. It labels the text as it stands (also after a
 * tamper); whether the signature holds is the engine's answer, shown in the decision.
 */
import { useId, useMemo } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { requestParts, type RequestPartKind } from './requestParts';

const NAMES: Readonly<Record<RequestPartKind, MessageKey>> = {
  requestLine: 'http.part.requestLine',
  host: 'http.part.host',
  amzDate: 'http.part.amzDate',
  securityToken: 'http.part.securityToken',
  contentSha256: 'http.part.contentSha256',
  target: 'http.part.target',
  body: 'http.part.body',
  credential: 'http.part.credential',
  signedHeaders: 'http.part.signedHeaders',
  signature: 'http.part.signature',
};

const EXPLANATIONS: Readonly<Record<RequestPartKind, MessageKey>> = {
  requestLine: 'http.explain.requestLine',
  host: 'http.explain.host',
  amzDate: 'http.explain.amzDate',
  securityToken: 'http.explain.securityToken',
  contentSha256: 'http.explain.contentSha256',
  target: 'http.explain.target',
  body: 'http.explain.body',
  credential: 'http.explain.credential',
  signedHeaders: 'http.explain.signedHeaders',
  signature: 'http.explain.signature',
};

export function RequestPartsList({ text }: { readonly text: string }) {
  const t = useT();
  const id = useId();
  const parts = useMemo(() => requestParts(text), [text]);
  return (
    <section className="http-parts" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="section-title">
        {t('http.partsTitle')}
      </h3>
      {parts.length === 0 ? (
        <p className="hint">{t('http.partsEmpty')}</p>
      ) : (
        <dl>
          {parts.map((part) => (
            <div key={`${part.kind}-${part.line}`} className="http-part" data-part={part.kind}>
              <dt>
                {t(NAMES[part.kind])} <span className="http-part-line">{t('http.line', { line: part.line })}</span>
              </dt>
              <dd>
                <code className="http-part-value" title={part.value}>
                  {part.value}
                </code>
                <span className="http-part-explain">{t(EXPLANATIONS[part.kind])}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
