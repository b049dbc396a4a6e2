"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { confirmLeave } from "@/components/ui/leave-guard";

const STORAGE_KEY = "cfp.review.letterShortcuts";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !["radio", "checkbox", "button", "submit"].includes(target.type);
}

/**
 * Keyboard shortcuts on the review page:
 * - a digit picks that score in the criterion that has focus (0 means 10);
 * - Ctrl+Enter (⌘+Enter) saves the review from anywhere, the comment included;
 * - J / K go to the next / previous proposal. Single-letter keys can be
 *   turned off (WCAG 2.1.4), and the choice is remembered.
 */
export function ReviewShortcuts({
  formId,
  nextHref,
  previousHref,
}: {
  formId: string;
  nextHref: string | null;
  previousHref: string | null;
}) {
  const router = useRouter();
  const [letters, setLetters] = useState(true);

  useEffect(() => {
    setLetters(localStorage.getItem(STORAGE_KEY) !== "off");
  }, []);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        const form = document.getElementById(formId);
        if (form instanceof HTMLFormElement) {
          e.preventDefault();
          form.requestSubmit();
        }
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (/^[0-9]$/.test(e.key) && e.target instanceof HTMLElement) {
        const group = e.target.closest("fieldset[data-criterion]");
        const value = e.key === "0" ? "10" : e.key;
        const radio = group?.querySelector<HTMLInputElement>(`input[type=radio][value="${value}"]`);
        if (radio) {
          e.preventDefault();
          radio.checked = true;
          // As a click would: the form hears it (its "Unsaved changes" note, the leave guard).
          radio.dispatchEvent(new Event("change", { bubbles: true }));
          radio.focus();
        }
        return;
      }
      if (!letters) return;
      const key = e.key.toLowerCase();
      const href = key === "j" ? nextHref : key === "k" ? previousHref : null;
      // Picked scores not saved yet are not dropped silently: moving on asks first.
      if (href && confirmLeave()) router.push(href);
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [formId, nextHref, previousHref, letters, router]);

  return (
    <details className="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <ul>
        <li>
          <kbd>1</kbd>–<kbd>9</kbd>, <kbd>0</kbd> for 10: score the criterion that has focus (<kbd>Tab</kbd> moves between criteria; arrow
          keys work too)
        </li>
        <li>
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd>: save the review
        </li>
        <li>
          <kbd>J</kbd> / <kbd>K</kbd>: next / previous proposal
        </li>
      </ul>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={letters}
          onChange={(e) => {
            setLetters(e.target.checked);
            localStorage.setItem(STORAGE_KEY, e.target.checked ? "on" : "off");
          }}
        />
        Single-letter shortcuts (J, K)
      </label>
    </details>
  );
}
