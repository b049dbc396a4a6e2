"use client";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { registerLeaveCheck } from "./leave-guard";

/** The form's fields as one string; the action's own hidden fields ($ACTION_…) left out. */
function snapshot(form: HTMLFormElement): string {
  const entries: string[] = [];
  for (const [k, v] of new FormData(form)) if (typeof v === "string" && !k.startsWith("$ACTION")) entries.push(`${k}=${v}`);
  return entries.join("\n");
}

/**
 * Whether the form holds input that was not saved, and a guard on leaving
 * while it does (leave-guard.ts). The baseline is what the form showed when
 * it mounted, taken again whenever `savedVersion` changes (a save succeeded).
 */
export function useUnsavedChanges(formRef: RefObject<HTMLFormElement | null>, savedVersion: unknown): boolean {
  const baseline = useRef<string | null>(null);
  const [dirty, setDirty] = useState(false);

  const isDirty = useCallback(() => {
    const form = formRef.current;
    return !!form && baseline.current !== null && snapshot(form) !== baseline.current;
  }, [formRef]);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    baseline.current = snapshot(form);
    setDirty(false);
  }, [formRef, savedVersion]);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const update = () => setDirty(isDirty());
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    const unregister = registerLeaveCheck(isDirty);
    return () => {
      form.removeEventListener("input", update);
      form.removeEventListener("change", update);
      unregister();
    };
  }, [formRef, isDirty]);

  return dirty;
}
