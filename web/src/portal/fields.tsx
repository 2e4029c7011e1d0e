// Form fields that show the hub's userErrors next to the value they name. A userError's `field` is a path such as
// ["input", "metrics", "0", "value"]; the form names its fields by the same path without "input" ("metrics.0.value").
import { useId, type ReactNode } from "react";

export interface UserErrorView {
  field: readonly string[];
  code: string;
  message: string;
}

export type FieldErrors = Record<string, string[]>;

/** Groups userErrors by field name; a path with a prefix (e.g. the batch item ["input","activities","3"]) drops it. */
export function errorsByField(errors: readonly UserErrorView[], dropPrefix = 1): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const name = e.field.slice(dropPrefix).join(".") || "_form";
    (out[name] ??= []).push(e.message);
  }
  return out;
}

interface FieldProps {
  label: string;
  name: string;
  errors: FieldErrors;
  hint?: string;
  children: (props: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string; name: string }) => ReactNode;
}

export function Field({ label, name, errors, hint, children }: FieldProps) {
  const id = useId();
  const messages = errors[name];
  const describedBy = [hint ? `${id}-hint` : null, messages ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={messages ? "field invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({ id, name, "aria-invalid": messages ? true : undefined, "aria-describedby": describedBy })}
      {messages && (
        <p className="field-error" id={`${id}-error`} data-field={name}>
          {messages.join(" ")}
        </p>
      )}
    </div>
  );
}

/** Errors no field shows, listed at the top of the form. */
export function ErrorSummary({ errors, shown, partlyWritten = false }: { errors: FieldErrors; shown: string[]; partlyWritten?: boolean }) {
  const rest = Object.entries(errors).filter(([name]) => !shown.includes(name));
  const count = Object.values(errors).flat().length;
  if (count === 0) return null;
  return (
    <div className="error-summary" role="alert">
      <p>
        The hub refused this input ({count} {count === 1 ? "problem" : "problems"}); {partlyWritten ? "that part was not written." : "nothing was written."}
        {rest.length === 0 && " See the marked fields."}
      </p>
      {rest.length > 0 && (
        <ul>
          {rest.map(([name, messages]) => (
            <li key={name}>
              {name === "_form" ? "" : `${name}: `}
              {messages.join(" ")}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** An idempotency key for a new submission (crypto.randomUUID needs a secure context; plain http on a LAN has none). */
export const newIdempotencyKey = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto && window.isSecureContext
    ? `web-${crypto.randomUUID()}`
    : `web-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
