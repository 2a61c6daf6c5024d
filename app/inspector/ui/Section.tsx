/** A titled part of the inspector: a heading the screen reader's outline lists, and its content. */
import { type ReactNode, useId } from 'react';

export function Section({ title, count, children, className }: { readonly title: string; readonly count?: number; readonly children: ReactNode; readonly className?: string }) {
  const id = useId();
  return (
    <section className={className ? `inspector-section ${className}` : 'inspector-section'} aria-labelledby={id}>
      <h3 className="section-title" id={id}>
        {title}
        {count !== undefined ? <span className="section-count"> {count}</span> : null}
      </h3>
      {children}
    </section>
  );
}

/** A read-only fact: a label and its value (plain text, never markup). */
export function Fact({ label, children, mono }: { readonly label: string; readonly children: ReactNode; readonly mono?: boolean }) {
  return (
    <div className="inspector-fact">
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined} dir="auto">
        {children}
      </dd>
    </div>
  );
}
