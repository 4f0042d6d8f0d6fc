// Switch language: remembered in a cookie and, when signed in, on the account.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { getUser, safeRedirect } from "~/lib/auth.server.ts";
import { setLanguage } from "~/domain/accounts/account.server.ts";
import { RETURN_PATH_MAX } from "~/domain/text-rules.ts";
import { languages } from "~/lib/i18n.ts";
import { languageCookie } from "~/lib/i18n.server.ts";

const schema = z.object({ language: z.enum(languages), redirectTo: z.string().max(RETURN_PATH_MAX).optional().catch(undefined) });

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") throw new Response("Unknown language", { status: 400 });
  const { language, redirectTo } = submission.value;
  const user = await getUser(request);
  if (user) await setLanguage(user.id, language);
  // Drop a ?lng= from the page we return to, or it would override the choice.
  const back = new URL(safeRedirect(redirectTo), "http://portal");
  back.searchParams.delete("lng");
  return redirect(back.pathname + back.search, { headers: { "Set-Cookie": await languageCookie.serialize(language) } });
}
