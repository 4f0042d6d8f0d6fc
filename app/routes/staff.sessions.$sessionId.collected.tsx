// "Collected by" at attendance (issue 19): POST only. The attendance page's form sends it; without JavaScript the
// answer is the attendance page again (with the refusal, if any, named in the address for that child), with
// JavaScript (a fetcher, marked by `via=fetcher`) a small JSON answer and the page's data reloads.
// i18n-namespace: staff
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { CollectError, markCollected } from "~/domain/attendance/collected.server.ts";
import { collectedSchema } from "~/domain/attendance/collect-schemas.ts";
import { requireSessionAccess } from "~/web/activity-access.server.ts";
import { notFound, refusal, replyToRefusal } from "~/web/http.server.ts";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireSessionAccess(request, params.sessionId);
  const sessionId = params.sessionId!;
  const formData = await request.formData();
  const viaFetcher = formData.get("via") === "fetcher";
  const early = formData.get("early") === "1";
  const back = (query: Record<string, string>) => {
    const search = new URLSearchParams({ ...(early ? { early: "1" } : {}), ...query });
    return `/staff/sessions/${sessionId}${search.size ? `?${search}` : ""}#collect`;
  };
  const submission = parseWithZod(formData, { schema: collectedSchema });
  const personId = String(formData.get("personId") ?? "");
  if (submission.status !== "success") {
    if (viaFetcher) return { ok: false as const, result: submission.reply() };
    const error = Object.values(submission.error ?? {}).flat()[0] ?? "errors.collectorRequired";
    return redirect(back({ collectFor: personId.slice(0, 36), collectError: error }));
  }
  try {
    await markCollected({ sessionId, personId: submission.value.personId, collector: submission.value.collector, actorUserId: user.id });
  } catch (error) {
    const refused = refusal(error, CollectError, { pageGone: ["sessionNotFound", "collectNotAsked"] });
    if (viaFetcher) return { ok: false as const, result: replyToRefusal(refused, submission) };
    return redirect(back({ collectFor: submission.value.personId, collectError: refused.key }));
  }
  return viaFetcher ? { ok: true as const, result: submission.reply({ resetForm: true }) } : redirect(back({ collected: submission.value.personId }));
}

export async function loader() {
  notFound();
}
