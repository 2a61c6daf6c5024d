/** A refusal under the control it is about: announced politely, readable in any language. */
import { Icon } from '../../components/Icon';
import type { Problem } from '../useEdits';

/** The learner's input is quoted in `backticks` in the messages: shown as code, never as markup. */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

export function ProblemText({ id, problem }: { readonly id: string; readonly problem: Problem | null }) {
  // The element stays in the page so screen readers announce a message as it appears.
  return (
    <p id={id} className="field-problem" aria-live="polite">
      {problem ? (
        <>
          <Icon name="warning" size={14} />
          <span dir="auto">{withCode(problem.text)}</span>
        </>
      ) : null}
    </p>
  );
}
