// Development only: the e-mails the SMTP catcher received and the SMS the
// outbox transport "sent", newest first. 404 in production. Not translated:
// a developer tool, not part of the portal.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { db } from "~/lib/db.server.ts";
import { devOutboxEnabled } from "~/lib/env.server.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction = () => [{ title: "Dev outbox · Aktivitetsportalen" }, { name: "robots", content: "noindex" }];

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Only outside production, and only to someone at this machine.
  if (!devOutboxEnabled() || !LOOPBACK.has(context.clientIp)) notFound();
  const to = new URL(request.url).searchParams.get("to")?.trim() || undefined;
  const items = await db.devOutboxItem.findMany({
    where: to ? { recipient: to } : undefined,
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return { items: items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })), to };
}

export default function DevOutbox() {
  const { items, to } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4" lang="en" dir="ltr">
      <h1 className="text-2xl font-bold">Dev outbox</h1>
      <p className="text-sm text-slate-700">E-mail (caught by the in-process SMTP server) and SMS (outbox transport). Only in development and tests.</p>
      <form method="get" className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm font-semibold">
          Recipient
          <input name="to" defaultValue={to} className="min-h-11 rounded-lg border-2 border-slate-500 px-2" />
        </label>
        <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-4 font-semibold text-white">
          Filter
        </button>
      </form>
      {items.length === 0 ? <p>No messages yet.</p> : null}
      <ol className="space-y-3">
        {items.map((item) => (
          <li key={item.id} className="rounded-lg border border-slate-300 p-3" data-testid="outbox-item">
            <p className="text-sm text-slate-700">
              {item.channel} to <span data-testid="outbox-recipient">{item.recipient}</span> · {item.createdAt}
            </p>
            {item.subject ? <p className="font-semibold">{item.subject}</p> : null}
            <pre className="whitespace-pre-wrap font-sans" dir="auto" data-testid="outbox-body">
              {item.body}
            </pre>
          </li>
        ))}
      </ol>
    </div>
  );
}
