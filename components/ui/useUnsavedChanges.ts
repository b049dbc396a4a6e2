"use client";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { applyEntries, clearBackup, formEntries, keptValue, readBackup, writeBackup } from "./form-backup";
import { registerLeaveCheck } from "./leave-guard";

const KEEP_AFTER_MS = 800;

const serialize = (entries: [string, string][]) => entries.map(([k, v]) => `${k}=${v}`).join("\n");

export type Restored = { keptAt: Date; stale: boolean };

export type UnsavedChanges = {
  /** The form holds input that was not saved. */
  dirty: boolean;
  /** When the unsaved input was last kept in this tab (null: nothing kept). */
  keptAt: Date | null;
  /** Input kept from an earlier visit, put back when the form opened. */
  restored: Restored | null;
  /** Puts the form back as the page loaded it and forgets the kept input. */
  discard: () => void;
};

/**
 * Unsaved input is neither lost nor left silently: the form knows it is
 * dirty (its fields against what it showed when loaded or last saved), a
 * guard asks before the page is left (leave-guard.ts), and with a
 * `backupKey` the input is kept in this tab as it is typed (debounced) and
 * put back when the form is opened again (form-backup.ts). The baseline is
 * taken again whenever `savedVersion` changes (a save succeeded).
 */
export function useUnsavedChanges(
  formRef: RefObject<HTMLFormElement | null>,
  savedVersion: unknown,
  backupKey?: string,
  /** Changes each time the server refuses a save: what stays in the form is kept again. */
  refused?: unknown,
): UnsavedChanges {
  const baseline = useRef<[string, string][] | null>(null);
  const started = useRef(false);
  const seenVersion = useRef<unknown>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const keepSoon = useRef<() => void>(() => {});
  const [dirty, setDirty] = useState(false);
  const [keptAt, setKeptAt] = useState<Date | null>(null);
  const [restored, setRestored] = useState<Restored | null>(null);

  // Reads the form it is given: when the form unmounts, React has already let go of the ref.
  const dirtyOf = useCallback(
    (form: HTMLFormElement) => baseline.current !== null && serialize(formEntries(form)) !== serialize(baseline.current),
    [],
  );
  const isDirty = useCallback(() => !!formRef.current && dirtyOf(formRef.current), [formRef, dirtyOf]);

  // The baseline: at mount (then the kept input, if any, goes back in), and after each successful save.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    // Run again with the same version (React's development double run): nothing new happened.
    if (started.current && seenVersion.current === savedVersion) return;
    const saved = started.current;
    started.current = true;
    seenVersion.current = savedVersion;
    baseline.current = formEntries(form);
    setKeptAt(null);
    if (!backupKey || saved) {
      if (backupKey) clearBackup(backupKey);
      setRestored(null);
      return setDirty(false);
    }
    const backup = readBackup(backupKey);
    if (backup) applyEntries(form, backup.entries);
    const restoredNow = !!backup && isDirty();
    if (backup && !restoredNow) clearBackup(backupKey);
    if (backup && restoredNow) {
      const version = keptValue(backup, "version");
      const current = baseline.current.find(([k]) => k === "version")?.[1];
      setRestored({ keptAt: new Date(backup.keptAt), stale: version !== current });
      setKeptAt(new Date(backup.keptAt));
    }
    setDirty(restoredNow);
  }, [formRef, savedVersion, backupKey, isDirty]);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const keep = () => {
      timer.current = null;
      if (!backupKey) return;
      if (dirtyOf(form)) {
        const now = new Date();
        writeBackup(backupKey, formEntries(form), now);
        setKeptAt(now);
      } else {
        clearBackup(backupKey);
        setKeptAt(null);
      }
    };
    const update = () => {
      setDirty(dirtyOf(form));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(keep, KEEP_AFTER_MS);
    };
    keepSoon.current = update;
    // Saving: what the server refuses stays in the form (and is kept again at the next keystroke).
    const onSubmit = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (backupKey) clearBackup(backupKey);
    };
    // Leaving before the pause is over (a link, closing the tab) keeps what was typed last.
    const flush = () => {
      if (!timer.current) return;
      clearTimeout(timer.current);
      keep();
    };
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", onSubmit);
    window.addEventListener("pagehide", flush);
    const unregister = registerLeaveCheck(() => dirtyOf(form));
    return () => {
      form.removeEventListener("input", update);
      form.removeEventListener("change", update);
      form.removeEventListener("submit", onSubmit);
      window.removeEventListener("pagehide", flush);
      flush();
      unregister();
    };
  }, [formRef, dirtyOf, backupKey]);

  // A refused save: the form shows what was sent (the submit had cleared the kept copy).
  useEffect(() => {
    if (refused) keepSoon.current();
  }, [refused]);

  const discard = useCallback(() => {
    const form = formRef.current;
    if (form && baseline.current) applyEntries(form, baseline.current);
    if (backupKey) clearBackup(backupKey);
    setRestored(null);
    setKeptAt(null);
    setDirty(false);
  }, [formRef, backupKey]);

  return { dirty, keptAt, restored, discard };
}
