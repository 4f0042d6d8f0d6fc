// Step 1 of sign-in: the e-mail address or mobile number.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { identifierSchema } from "~/domain/accounts/sign-in-schemas.ts";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { HoneypotField } from "~/components/ui/honeypot.tsx";
import { displayIdentifier, parseIdentifier } from "~/domain/accounts/identifier.ts";
import { isolated } from "~/domain/text-rules.ts";
import { limitMessage, startSignIn } from "~/domain/accounts/sign-in.server.ts";
import { getUser, safeRedirect } from "~/lib/auth.server.ts";
import { signInCookie } from "~/lib/cookies.server.ts";
import { contactDetails } from "~/lib/env.server.ts";
import { caughtInHoneypot } from "~/lib/honeypot.ts";
import { getLanguage } from "~/lib/i18n.server.ts";
import { log } from "~/lib/log.server.ts";
import { RateLimitedError } from "~/lib/rate-limit.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { Alert } from "~/components/ui/alert.tsx";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth:signIn.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  // A limit's message tells people locked out of signing in whom to call.
  return { phone: contactDetails().phone };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: identifierSchema });
  if (submission.status !== "success") return submission.reply();
  const identifier = parseIdentifier(submission.value.identifier);
  if (!identifier) return submission.reply({ fieldErrors: { identifier: ["errors.identifierInvalid"] } });
  try {
    // A bot that filled the honeypot sees the next step as usual; no code is made or sent.
    const bot = caughtInHoneypot(form);
    if (bot) log("warn", "signIn.honeypot", {});
    const { challengeId } = bot
      ? { challengeId: crypto.randomUUID() }
      : await startSignIn({ identifier, ip: context.clientIp, language: await getLanguage(request) });
    const pending = { challengeId, display: displayIdentifier(identifier), redirectTo: safeRedirect(submission.value.redirectTo) };
    return redirect("/login/code", { headers: { "Set-Cookie": await signInCookie.serialize(pending) } });
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return submission.reply({ formErrors: [limitMessage(error)] });
    }
    throw error;
  }
}

export default function SignIn() {
  const { t } = useTranslation("auth");
  const lastResult = useActionData<typeof action>();
  const { phone } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof identifierSchema>>({
    lastResult,
  });
  const formError = form.errors?.[0];
  const [errorKey, minutes] = formError?.split("|") ?? [];
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      {errorKey ? <Alert>{t(errorKey, { minutes, phone: isolated(phone) })}</Alert> : null}
      <Form method="post" {...getFormProps(form)} className="space-y-2">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <HoneypotField />
        <Field
          {...getInputProps(fields.identifier, { type: "text" })}
          id={fields.identifier.id}
          label={t("signIn.identifierLabel")}
          hint={t("signIn.identifierHint")}
          autoComplete="username"
          inputMode="email"
          dir="ltr"
          errors={fields.identifier.errors?.map((key) => t(key))}
        />
        <Button type="submit" className="w-full" pending={navigation.state !== "idle"}>
          {navigation.state !== "idle" ? t("common:form.pending") : t("signIn.submit")}
        </Button>
      </Form>
      <p className="text-sm text-slate-700">{t("signIn.newHere")}</p>
    </div>
  );
}
