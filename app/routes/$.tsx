// Any address no other route matches: a translated 404 page (the root loader
// still runs, so the page is in the reader's language).
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
