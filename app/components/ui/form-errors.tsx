// The message at the top of a form after a failed submit: the form's own
// errors (already translated), or, when only fields are wrong, a short
// "fix the marked fields" so the user knows to look below.
import type { ReactNode } from "react";
import { Alert } from "./alert.tsx";

export function FormErrors(props: { errors?: string[]; status?: "success" | "error"; fixErrors?: string; children?: ReactNode }) {
  if (props.errors?.length) {
    return (
      <Alert>
        {props.errors.join(" ")}
        {props.children}
      </Alert>
    );
  }
  return props.fixErrors && props.status === "error" ? <Alert>{props.fixErrors}</Alert> : null;
}
