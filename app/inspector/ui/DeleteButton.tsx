/** Deleting from the inspector: one press asks, a second confirms. */
import { useId, useRef, useState } from 'react';
import { useT } from '../../i18n';
import type { Problem } from '../useEdits';
import { ProblemText } from './Problem';

/** A delete that asks once: the first press shows what will go and a confirm button, which takes focus. */
export function DeleteButton({ label, question, onDelete }: { readonly label: string; readonly question: string; readonly onDelete: () => Problem | null }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const id = useId();
  const ask = useRef<HTMLButtonElement>(null);
  const back = () => {
    setAsking(false);
    requestAnimationFrame(() => ask.current?.focus());
  };
  return (
    <div className="inspector-delete">
      {asking ? (
        <div className="delete-confirm" role="group" aria-labelledby={`${id}-q`}>
          <p id={`${id}-q`} dir="auto">
            {question}
          </p>
          <div className="delete-actions">
            <button
              type="button"
              className="button danger small"
              autoFocus
              onClick={() => {
                const refused = onDelete();
                setProblem(refused);
                if (refused) back();
              }}
            >
              {label}
            </button>
            <button type="button" className="button secondary small" onClick={back}>
              {t('inspector.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button ref={ask} type="button" className="button danger-outline small" onClick={() => setAsking(true)}>
          {label}
        </button>
      )}
      <ProblemText id={`${id}-problem`} problem={problem} />
    </div>
  );
}
