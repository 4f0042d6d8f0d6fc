// GatewayAPI's delivery reports (ADR 022). Not a page: the provider posts
// JSON here, signed as a JWT (HS256) in X-Gwapi-Signature with the token set
// on its webhook (GATEWAYAPI_WEBHOOK_SECRET). The body is size-limited and
// must be JSON (server/request-body.ts); what is recorded is the signed claims.
// A 2xx tells GatewayAPI the report arrived; anything else, it tries again.
import type { ActionFunctionArgs } from "@remix-run/node";
import { env } from "~/lib/env.server.ts";
import { gatewayApiReport, recordDeliveryReport, verifyGatewayApiJwt } from "~/lib/messages/delivery-reports.server.ts";

const answer = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function action({ request }: ActionFunctionArgs) {
  const secret = env().GATEWAYAPI_WEBHOOK_SECRET;
  if (!secret) return answer(404, "not configured");
  const claims = verifyGatewayApiJwt(request.headers.get("x-gwapi-signature"), secret);
  if (!claims) return answer(401, "bad signature");
  const report = gatewayApiReport.safeParse(claims);
  if (!report.success) return answer(400, "not a delivery report");
  return answer(200, await recordDeliveryReport(report.data));
}
