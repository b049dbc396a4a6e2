"use client";
import { useRef, useState } from "react";
import { Field } from "@/components/ui/Field";

export type EventRow = Record<string, string | undefined>;
type KeyedRow = { key: number; values: EventRow };
export type EventRowColumn = { field: string; label: string; type?: "text" | "number" | "decimal"; grow?: number };

type Props = {
  /** The form name prefix: rows post as `${list}.N.field`, errors come back keyed the same way. */
  list: "sessionTypes" | "tracks" | "criteria" | "rooms";
  legend: string;
  itemLabel: string;
  hint: string;
  columns: EventRowColumn[];
  blank: Record<string, string>;
  initial: EventRow[];
  errors: Record<string, string[] | undefined>;
};

/** An editable list (session types, tracks): add and remove rows, each with its own errors. */
export function EventRowsFieldset({ list, legend, itemLabel, hint, columns, blank, initial, errors }: Props) {
  const nextKey = useRef(initial.length);
  const addButton = useRef<HTMLButtonElement>(null);
  const [rows, setRows] = useState<KeyedRow[]>(() => initial.map((values, key) => ({ key, values })));
  const [focusKey, setFocusKey] = useState<number | null>(null);

  const update = (key: number, field: string, value: string) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { key, values: { ...r.values, [field]: value } } : r)));
  const add = () => {
    const key = nextKey.current++;
    setRows((rs) => [...rs, { key, values: { ...blank } }]);
    setFocusKey(key);
  };
  const remove = (key: number) => {
    setRows((rs) => rs.filter((r) => r.key !== key));
    addButton.current?.focus();
  };

  const listErrors = errors[list];
  return (
    <fieldset>
      <legend>{legend}</legend>
      <p className="hint">{hint}</p>
      {listErrors?.length ? (
        <p className="field-error" role="alert">
          {listErrors.join(" ")}
        </p>
      ) : null}
      {rows.length === 0 && <p className="muted">None yet.</p>}
      {rows.map((row, i) => (
        <fieldset key={row.key}>
          <legend>
            {itemLabel} {i + 1}
          </legend>
          <input type="hidden" name={`${list}.${i}.id`} value={row.values.id ?? ""} />
          <div className="row" style={{ alignItems: "flex-end" }}>
            {columns.map((c, ci) => (
              <div key={c.field} style={{ flex: `${c.grow ?? 1} 1 10rem` }}>
                <Field label={c.label} name={`${list}.${i}.${c.field}`} errors={errors[`${list}.${i}.${c.field}`]}>
                  {(a) => (
                    <input
                      {...a}
                      type={c.type === "decimal" ? "text" : (c.type ?? "text")}
                      inputMode={c.type === "number" ? "numeric" : c.type === "decimal" ? "decimal" : undefined}
                      value={row.values[c.field] ?? ""}
                      onChange={(e) => update(row.key, c.field, e.target.value)}
                      autoFocus={ci === 0 && row.key === focusKey}
                    />
                  )}
                </Field>
              </div>
            ))}
            <div className="field">
              <button
                type="button"
                className="btn btn-danger"
                onClick={() => remove(row.key)}
                aria-label={`Remove ${itemLabel.toLowerCase()} ${i + 1}`}
              >
                Remove
              </button>
            </div>
          </div>
        </fieldset>
      ))}
      <button type="button" className="btn btn-secondary" onClick={add} ref={addButton}>
        Add a {itemLabel.toLowerCase()}
      </button>
    </fieldset>
  );
}
