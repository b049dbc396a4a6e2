"use client";
import { useActionState } from "react";
import { ActionButtonForm } from "@/components/ui/ActionButtonForm";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useFormRevision } from "@/components/ui/useFormRevision";
import type { FormState } from "@/lib/forms/result";
import "./event-brand.css";
type PublicLogo = { width: number; height: number };

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

/** The public pages' logo: upload (PNG, JPEG or WebP), see the current one, remove it. */
export function LogoForm({ upload, remove, logo, src }: { upload: Action; remove: Action; logo: PublicLogo | null; src: string | null }) {
  const [state, formAction] = useActionState(upload, {});
  const revision = useFormRevision(state);
  return (
    <div className="stack">
      {logo && src ? (
        <p>
          Current logo ({logo.width} × {logo.height} pixels):{" "}
          {/* Served by this app under a content hash; next/image would fetch it again to resize. */}
          <img className="event-logo" src={src} alt="Current logo" width={logo.width} height={logo.height} />
        </p>
      ) : (
        <p className="muted">No logo: public pages show the event&apos;s name only.</p>
      )}
      <form action={formAction} noValidate>
        <Field
          label="Logo image"
          name="logo"
          errors={state.fieldErrors?.logo}
          hint="PNG, JPEG or WebP, at most 200 kB and 1600 × 1600 pixels. Shown on the public event, schedule and talk pages with the event's name as its text."
        >
          {(a) => <input {...a} key={revision} type="file" accept="image/png,image/jpeg,image/webp" />}
        </Field>
        <SubmitButton variant="secondary" pendingText="Uploading…">
          Upload logo
        </SubmitButton>
        <FormMessage state={state} />
      </form>
      {logo && <ActionButtonForm action={remove} label="Remove the logo" pendingText="Removing…" variant="danger" />}
    </div>
  );
}

/** The public pages' accent colour, checked for contrast (an error next to the field when too low). */
export function AccentColorForm({ action, current }: { action: Action; current: string | null }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate>
      <Field
        label="Accent colour"
        name="accentColor"
        errors={state.fieldErrors?.accentColor}
        hint="# and six hexadecimal digits, for example #1f5f8b; empty for the app's colour. Used for links, headings and buttons on the public pages, so it needs a contrast of at least 4.5:1 against their light background."
      >
        {(a) => (
          <input {...a} defaultValue={state.values?.accentColor ?? current ?? ""} maxLength={7} spellCheck={false} autoComplete="off" />
        )}
      </Field>
      <SubmitButton variant="secondary">Save colour</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
