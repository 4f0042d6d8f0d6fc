// A "tick the box" error stops applying the moment the box is ticked: the server's reply stays until the next
// submit (validation runs on the server, ADR 010), so the form forgets the errors of boxes ticked since.
import { useCallback, useEffect, useState, type FormEvent } from "react";

export function useAnswered(reply: unknown) {
  const [answered, setAnswered] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => setAnswered(new Set()), [reply]);
  /** For the form's onChange (it bubbles from every input). */
  const onChange = useCallback((event: FormEvent<HTMLFormElement>) => {
    const input = event.target as HTMLInputElement;
    if (input.type === "checkbox" && input.checked && input.name) setAnswered((before) => new Set(before).add(input.name));
  }, []);
  /** The errors of a field, unless its box has been ticked since the reply. */
  const unless = useCallback(<T>(name: string, errors: T | undefined): T | undefined => (answered.has(name) ? undefined : errors), [answered]);
  return { onChange, unless };
}
