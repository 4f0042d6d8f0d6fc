// The route side of the admin edit pages for coded rows (activity types,
// housing areas): "new" in the URL means a new row, anything else must be an
// existing one (404 otherwise); one form saves, a second one ("intent" =
// "delete") deletes, and both go back to the list with a "done" message.
// i18n-namespace: admin
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect } from "@remix-run/node";
import type { z } from "zod";
import { AdminError } from "~/domain/admin/errors.server.ts";
import { deleteSchema } from "~/domain/admin/schemas.ts";
import { notFound } from "./http.server.ts";

/** The row id in an edit page's URL, or null when the page adds a new row. */
export function editId(param: string | undefined): string | null {
  return param === "new" ? null : (param ?? "");
}

/** The row an edit page shows: null for "new", else the row or a 404. */
export async function loadForEdit<T>(param: string | undefined, find: (id: string) => Promise<T | null>): Promise<T | null> {
  const id = editId(param);
  if (id === null) return null;
  return (await find(id)) ?? notFound();
}

function notFoundAsResponse(error: unknown) {
  if (error instanceof AdminError && error.code === "notFound") notFound();
}

/**
 * Saves or deletes the row with `id` (null: a new row) from the posted form.
 * A taken code comes back as an error on the "code" field (or on `taken`'s
 * field, for a row known by its name), a row still in use as the form error
 * `inUseError`; on success it redirects to `listPath`.
 */
export async function saveOrDelete<Schema extends z.ZodType>(
  formData: FormData,
  id: string | null,
  options: {
    schema: Schema;
    listPath: string;
    inUseError: string;
    taken?: { field: string; error: string };
    save: (id: string | null, value: z.output<Schema>) => Promise<unknown>;
    remove: (id: string) => Promise<unknown>;
  },
) {
  if (formData.get("intent") === "delete") {
    const submission = parseWithZod(formData, { schema: deleteSchema });
    if (submission.status !== "success" || !id) throw new Response("Bad request", { status: 400 });
    try {
      await options.remove(id);
    } catch (error) {
      if (error instanceof AdminError && error.code === "inUse") return submission.reply({ formErrors: [options.inUseError] });
      notFoundAsResponse(error);
      throw error;
    }
    return redirect(`${options.listPath}?done=deleted`);
  }
  const submission = parseWithZod(formData, { schema: options.schema });
  if (submission.status !== "success") return submission.reply();
  try {
    await options.save(id, submission.value);
  } catch (error) {
    if (error instanceof AdminError && error.code === "codeTaken") {
      const taken = options.taken ?? { field: "code", error: "errors.codeTaken" };
      return submission.reply({ fieldErrors: { [taken.field]: [taken.error] } });
    }
    notFoundAsResponse(error);
    throw error;
  }
  return redirect(`${options.listPath}?done=${id ? "updated" : "created"}`);
}
