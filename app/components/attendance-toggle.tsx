// One big tap per child: present / not yet. Without JavaScript it is a plain
// form (the page reloads). With JavaScript the mark shows at once and is
// saved in the background: each tap sends the wanted state (never a
// toggle), one request per child at a time, retried with backoff until the
// server has it, and kept in localStorage so a reload or a lost connection
// does not lose marks.
import { Form } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  sessionId: string;
  personId: string;
  name: string;
  detail?: string;
  present: boolean;
  /** Told of every mark as it shows (a tap, or a mark restored from the queue), so the page's counter follows at once. */
  onChange?: (personId: string, present: boolean) => void;
  /** The session is on a later day and staff chose to mark it anyway (the page's warning). */
  early?: boolean;
};

const storageKey = (sessionId: string) => `attendance:${sessionId}`;

function readQueue(sessionId: string): Record<string, boolean> {
  try {
    return JSON.parse(localStorage.getItem(storageKey(sessionId)) ?? "{}") as Record<string, boolean>;
  } catch {
    return {};
  }
}

function writeQueue(sessionId: string, personId: string, value: boolean | null) {
  const queue = readQueue(sessionId);
  if (value === null) delete queue[personId];
  else queue[personId] = value;
  localStorage.setItem(storageKey(sessionId), JSON.stringify(queue));
}

export function AttendanceToggle({ sessionId, personId, name, detail, present: initial, onChange, early = false }: Props) {
  const { t } = useTranslation("staff");
  const [present, setPresent] = useState(initial);
  const [status, setStatus] = useState<"saved" | "saving" | "retrying">("saved");
  const desired = useRef(initial);
  const inFlight = useRef(false);
  const attempt = useRef(0);

  const flush = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    const want = desired.current;
    setStatus("saving");
    try {
      const body = new FormData();
      body.set("intent", "mark");
      body.set("personId", personId);
      body.set("present", String(want));
      if (early) body.set("early", "1");
      const response = await fetch(`/staff/sessions/${sessionId}/mark`, { method: "POST", body, headers: { Accept: "application/json" } });
      if (!response.ok && response.status >= 500) throw new Error(String(response.status));
      attempt.current = 0;
      inFlight.current = false;
      if (desired.current !== want) return void flush();
      writeQueue(sessionId, personId, null);
      setStatus("saved");
    } catch {
      inFlight.current = false;
      attempt.current += 1;
      setStatus("retrying");
      setTimeout(() => void flush(), Math.min(30_000, 1000 * 2 ** Math.min(attempt.current, 5)));
    }
  }, [early, personId, sessionId]);

  // Marks not yet saved before a reload or a lost connection are sent again.
  useEffect(() => {
    const queued = readQueue(sessionId)[personId];
    if (queued !== undefined) {
      desired.current = queued;
      setPresent(queued);
      onChange?.(personId, queued);
      void flush();
    }
  }, [flush, onChange, personId, sessionId]);

  return (
    <Form
      method="post"
      onSubmit={(event) => {
        event.preventDefault();
        const next = !desired.current;
        desired.current = next;
        setPresent(next);
        onChange?.(personId, next);
        writeQueue(sessionId, personId, next);
        void flush();
      }}
    >
      <input type="hidden" name="intent" value="mark" />
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="present" value={String(!present)} />
      {early ? <input type="hidden" name="early" value="1" /> : null}
      <button
        type="submit"
        aria-pressed={present}
        className={`flex min-h-16 w-full items-center justify-between gap-3 rounded-xl border-2 px-4 py-2 text-start ${present ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400 bg-white"}`}
      >
        <span>
          <span className="block text-lg font-semibold">{name}</span>
          {detail ? <span className="block text-sm">{detail}</span> : null}
        </span>
        <span className="shrink-0 text-base font-bold">
          {present ? t("attendance.present") : t("attendance.notMarked")}
          {status !== "saved" ? (
            <span className="block text-xs font-normal">{status === "saving" ? t("attendance.saving") : t("attendance.retrying")}</span>
          ) : null}
        </span>
      </button>
    </Form>
  );
}
