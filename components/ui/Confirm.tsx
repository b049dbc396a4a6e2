"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";

type Variant = "primary" | "secondary" | "danger";

/**
 * Opens a confirmation: a link to the same page with `?confirm=<key>`, where
 * the page renders the server's preview in a ConfirmStep (so it works
 * without JavaScript too). When that confirmation closes, focus comes back here.
 */
export function ConfirmTrigger({
  href,
  id,
  open,
  variant = "secondary",
  children,
}: {
  /** The page with `?confirm=<key>#<step id>`. */
  href: string;
  id: string;
  /** Whether its ConfirmStep is showing. */
  open: boolean;
  variant?: Variant;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLAnchorElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <Link ref={ref} id={id} href={href} className={`btn btn-${variant}`} scroll={false}>
      {children}
    </Link>
  );
}

/**
 * The one confirmation of the app: what will happen (the preview, computed
 * by the server's dry run and passed as children), a confirm button that
 * posts the previewed fingerprint with the action, and Cancel. Focus moves
 * here when it opens; Escape cancels. Afterwards it says what was done; a
 * refusal (the situation changed) is shown above the fresh preview.
 */
export function ConfirmStep({
  id,
  title,
  action,
  fields,
  confirmLabel,
  pendingText,
  cancelHref,
  variant = "primary",
  canConfirm = true,
  level = 2,
  children,
}: {
  id: string;
  title: string;
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  /** Hidden values posted on confirm, the preview's fingerprint among them. */
  fields: Record<string, string>;
  confirmLabel: string;
  pendingText: string;
  /** The page without `?confirm`, with `#<trigger id>`. */
  cancelHref: string;
  variant?: Variant;
  /** False when the preview shows there is nothing to do. */
  canConfirm?: boolean;
  level?: 2 | 3;
  children: React.ReactNode;
}) {
  const [state, formAction] = useActionState(action, {});
  const router = useRouter();
  const heading = useRef<HTMLHeadingElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (state.ok || state.formError) outcome.current?.focus();
    // Refused because things changed: fetch the new preview (and its fingerprint) to confirm against.
    if (state.formError) router.refresh();
  }, [state, router]);
  // After confirming, the page shows the next preview behind the outcome: keep the title of what was confirmed.
  const confirmedTitle = useRef(title);
  if (!state.ok) confirmedTitle.current = title;
  const Heading = level === 2 ? "h2" : "h3";
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      router.push(cancelHref, { scroll: false });
    }
  };
  return (
    <section id={id} className="card confirm-step" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown}>
      <Heading id={`${id}-title`} ref={heading} tabIndex={-1}>
        {confirmedTitle.current}
      </Heading>
      <div ref={outcome} tabIndex={-1} aria-live="polite" role="status">
        {state.formError && <p className="alert alert-error">{state.formError}</p>}
        {state.ok && state.message && <p className="alert alert-success">{state.message}</p>}
      </div>
      {state.ok ? (
        <Link href={cancelHref} scroll={false}>
          Close
        </Link>
      ) : (
        <>
          <div className="stack">{children}</div>
          <form action={formAction} className="row">
            {Object.entries(fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            {canConfirm && (
              <SubmitButton variant={variant} pendingText={pendingText}>
                {confirmLabel}
              </SubmitButton>
            )}
            <Link href={cancelHref} className="btn btn-secondary" scroll={false}>
              {canConfirm ? "Cancel" : "Close"}
            </Link>
          </form>
        </>
      )}
    </section>
  );
}
