// Messages at the top of a page or form: an error (announced at once) or a
// confirmation of what just happened (announced politely).
import type { ReactNode } from "react";

export function Alert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="space-y-2 rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900">
      {children}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded-lg border-2 border-brand-700 bg-brand-50 p-3 font-semibold">
      {children}
    </p>
  );
}
