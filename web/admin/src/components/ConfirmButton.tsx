import { useState } from 'react';

interface ConfirmButtonProps {
  /** What the button does, e.g. "Remove"; the confirming button says "Yes, remove". */
  label: string;
  /** Names the button for assistive technology, e.g. "Remove jo@example.com". */
  accessibleName: string;
  /** The question asked before acting, e.g. "Remove jo@example.com from the store?". */
  question: string;
  disabled?: boolean;
  onConfirm: () => void;
}

/**
 * A destructive action in two steps: the first click asks, the second acts. Inline rather than a browser dialog,
 * so it reads like the rest of the page and keyboard and screen-reader users get the question in place.
 */
export function ConfirmButton({ label, accessibleName, question, disabled, onConfirm }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const danger = 'rounded border border-red-300 px-3 py-1 text-sm text-red-700';

  if (!asking) {
    return (
      <button type="button" aria-label={accessibleName} disabled={disabled} onClick={() => setAsking(true)} className={danger}>
        {label}
      </button>
    );
  }

  return (
    <span role="group" aria-label={question} className="inline-flex items-center gap-2">
      <span className="text-sm text-slate-700">{question}</span>
      <button
        type="button"
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        className="rounded bg-red-700 px-3 py-1 text-sm text-white"
      >
        Yes, {label.toLowerCase()}
      </button>
      <button type="button" onClick={() => setAsking(false)} className="rounded border border-slate-300 px-3 py-1 text-sm">
        Cancel
      </button>
    </span>
  );
}
