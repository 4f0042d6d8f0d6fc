// Step 2 of sign-in: the 6-digit code.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { codeSchema } from "~/domain/accounts/sign-in-schemas.ts";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { landingAfterSignIn, limitMessage, verifySignIn } from "~/domain/accounts/sign-in.server.ts";
import { isolated } from "~/domain/text-rules.ts";
import { readPendingSignIn, signInCookie } from "~/lib/cookies.server.ts";
import { contactDetails, devOutboxEnabled } from "~/lib/env.server.ts";
import { getLanguage, languageCookie } from "~/lib/i18n.server.ts";
import { RateLimitedError } from "~/lib/rate-limit.server.ts";
import { createUserSession } from "~/lib/session.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { Alert } from "~/components/ui/alert.tsx";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth:code.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await readPendingSignIn(request);
  if (!pending) throw redirect("/login");
  // A limit's message tells people locked out of signing in whom to call.
  return { display: pending.display, devOutbox: devOutboxEnabled(), phone: contactDetails().phone };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await readPendingSignIn(request);
  if (!pending) throw redirect("/login");
  const submission = parseWithZod(await request.formData(), { schema: codeSchema });
  if (submission.status !== "success") return submission.reply();
  let result;
  try {
    result = await verifySignIn({ challengeId: pending.challengeId, code: submission.value.code, ip: context.clientIp, language: await getLanguage(request) });
  } catch (error) {
    if (error instanceof RateLimitedError) return submission.reply({ formErrors: [limitMessage(error)] });
    throw error;
  }
  if (!result.ok) {
    return result.reason === "wrong"
      ? submission.reply({ fieldErrors: { code: [`errors.codeWrong|${result.attemptsLeft}`] } })
      : submission.reply({ formErrors: ["errors.codeExpired"] });
  }
  const landing = await landingAfterSignIn(result.userId, pending.redirectTo);
  const headers = new Headers();
  headers.append("Set-Cookie", await createUserSession(result.userId));
  headers.append("Set-Cookie", await signInCookie.serialize("", { maxAge: 0 }));
  // The account's language wins from now on.
  headers.append("Set-Cookie", await languageCookie.serialize(landing.language));
  return redirect(landing.path, { headers });
}

/** Errors are stored as "key|count" so the count survives the round trip; a limit's message may name the phone. */
function translateError(t: (key: string, options?: Record<string, unknown>) => string, error: string, phone: string): string {
  const [key, value] = error.split("|");
  return t(key!, { count: Number(value), n: value, minutes: value, phone: isolated(phone) });
}

export default function SignInCode() {
  const { t } = useTranslation("auth");
  const { display, devOutbox, phone } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof codeSchema>>({
    lastResult,
  });
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("code.title")}</h1>
      <p>{t("code.sentTo", { identifier: "\u2068" + display + "\u2069" })}</p>
      {form.errors?.length ? (
        <Alert>
          {form.errors.map((error) => (
            <p key={error}>{translateError(t, error, phone)}</p>
          ))}
          <p>
            <Link to="/login" className="inline-flex min-h-11 items-center">
              {t("code.startOver")}
            </Link>
          </p>
        </Alert>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-2">
        <Field
          {...getInputProps(fields.code, { type: "text" })}
          id={fields.code.id}
          label={t("code.codeLabel")}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={12}
          dir="ltr"
          className="max-w-56"
          errors={fields.code.errors?.map((error) => translateError(t, error, phone))}
        />
        <Button type="submit" className="w-full" pending={navigation.state !== "idle"}>
          {navigation.state !== "idle" ? t("common:form.pending") : t("code.submit")}
        </Button>
      </Form>
      <p>
        <Link to="/login" className="inline-flex min-h-11 items-center">
          {t("code.startOver")}
        </Link>
      </p>
      {devOutbox ? (
        <p className="rounded-lg bg-amber-50 p-3 text-sm">
          {t("code.devHint")} <a href="/dev/outbox">/dev/outbox</a>
        </p>
      ) : null}
    </div>
  );
}
