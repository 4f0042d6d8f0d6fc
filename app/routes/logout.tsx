// Sign out: POST only (a link must not sign anyone out). With
// `everywhere=1`, every session of the account ends (a lost phone).
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { destroyAllSessions, destroySession } from "~/lib/session.server.ts";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const everywhere = (await request.formData()).get("everywhere") === "1";
  return redirect("/", { headers: { "Set-Cookie": everywhere ? await destroyAllSessions(request) : await destroySession(request) } });
}
