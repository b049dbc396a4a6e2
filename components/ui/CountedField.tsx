"use client";
import { useState } from "react";
import { CharCounter } from "@/components/ui/CharCounter";
import { Field } from "@/components/ui/Field";
import { MarkdownPreview } from "@/components/ui/MarkdownPreview";

type Props = {
  label: string;
  name: string;
  max: number;
  defaultValue: string;
  errors?: string[];
  hint?: React.ReactNode;
  multiline?: boolean;
  rows?: number;
  required?: boolean;
  /** The text is Markdown: offer a preview rendered like the pages render it. */
  markdown?: boolean;
};

/** A labelled text input or textarea with a live counter that counts like the server. */
export function CountedField({ label, name, max, defaultValue, errors, hint, multiline, rows = 8, required, markdown }: Props) {
  const [value, setValue] = useState(defaultValue);
  return (
    <Field label={label} name={name} errors={errors} hint={hint}>
      {(a) => {
        const counterId = `${a.id}-count`;
        const props = {
          ...a,
          "aria-describedby": [a["aria-describedby"], counterId].filter(Boolean).join(" "),
          defaultValue,
          required,
          onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValue(e.target.value),
        };
        return (
          <>
            {multiline ? <textarea {...props} rows={rows} /> : <input {...props} type="text" />}
            <CharCounter value={value} max={max} id={counterId} />
            {markdown && <MarkdownPreview value={value} label={label} id={`${a.id}-preview`} />}
          </>
        );
      }}
    </Field>
  );
}
