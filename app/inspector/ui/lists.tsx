/** Lists of the inspector: rows with a name (a link when it leads somewhere), a note and small icon buttons. */
import { type ReactNode, useId, useState } from 'react';
import type { Problem } from '../useEdits';
import { keepFocusInSection } from './focus';
import { type ActionIconName, ActionIcon } from './icons';

export function IconButton({ icon, label, onClick, danger, disabled, focusKey }: {
  readonly icon: ActionIconName;
  readonly label: string;
  readonly onClick: () => void;
  readonly danger?: boolean;
  readonly disabled?: boolean;
  /** Lets `focusLater` find the button again after a re-render. */
  readonly focusKey?: string;
}) {
  return (
    <button
      type="button"
      className={`icon-button${danger ? ' danger' : ''}`}
      aria-label={label}
      title={label}
      data-focus-key={focusKey}
      onClick={(e) => {
        const button = e.currentTarget;
        onClick();
        keepFocusInSection(button);
      }}
      disabled={disabled}
    >
      <ActionIcon name={icon} />
    </button>
  );
}

/** One row of a list: a name (a button when it leads somewhere), a note, and actions. */
export function Item({ name, onOpen, openLabel, note, mono, title, children }: {
  readonly name: string;
  readonly onOpen?: () => void;
  readonly openLabel?: string;
  readonly note?: ReactNode;
  readonly mono?: boolean;
  /** The full text on hover, when the name shown is shorter (default: the name). */
  readonly title?: string;
  readonly children?: ReactNode;
}) {
  const nameClass = `item-name${mono ? ' mono' : ''}`;
  return (
    <li className="inspector-item">
      {onOpen ? (
        <button type="button" className={`${nameClass} item-link`} onClick={onOpen} title={title ?? name} aria-label={openLabel}>
          <bdi>{name}</bdi>
        </button>
      ) : (
        <span className={nameClass} title={title ?? name}>
          <bdi>{name}</bdi>
        </span>
      )}
      {note ? <span className="item-note">{note}</span> : null}
      {children ? <span className="item-actions">{children}</span> : null}
    </li>
  );
}

export function ItemList({ children, empty }: { readonly children: ReactNode[]; readonly empty: string }) {
  return children.length === 0 ? <p className="muted small inspector-empty">{empty}</p> : <ul className="inspector-list">{children}</ul>;
}

/** A refusal of a list action (remove, detach), shown under the list it came from. */
export function useActionProblem(): [Problem | null, (problem: Problem | null) => void, string] {
  const [problem, setProblem] = useState<Problem | null>(null);
  const id = useId();
  return [problem, setProblem, id];
}
