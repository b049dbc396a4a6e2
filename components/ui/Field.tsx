import { useId } from "react";

type Props = {
  label: string;
  name: string;
  errors?: string[];
  hint?: React.ReactNode;
  children: (a11y: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode;
};

/** A labelled field with its hint and its errors announced next to it. */
export function Field({ label, name, errors, hint, children }: Props) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${errors?.length ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, name, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      {errorId && (
        <p className="field-error" id={errorId}>
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}
