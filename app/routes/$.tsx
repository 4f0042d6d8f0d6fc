// Any address no other route matches: a translated 404 page (the root loader
// still runs, so the page is in the reader's language).
import { notFound } from "~/web/http.server.ts";
export async function loader() {
  notFound();
}

export default function NotFound() {
  return null;
}
