/** A field's problem, said in words beside an icon (never colour alone); the field points at it with aria-describedby. */
import { Icon } from '../../components/Icon';

export function FieldProblem({ id, text }: { readonly id: string; readonly text: string | undefined }) {
  if (text === undefined) return null;
  return (
    <p id={id} className="console-problem">
      <Icon name="warning" size={14} />
      <span>{text}</span>
    </p>
  );
}

/** The ids a control is described by: its hint, and its problem when it has one. */
export function describedBy(hint: string | undefined, problem: string | undefined, hasProblem: boolean): string | undefined {
  const ids = [hint, hasProblem ? problem : undefined].filter((v): v is string => v !== undefined);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
