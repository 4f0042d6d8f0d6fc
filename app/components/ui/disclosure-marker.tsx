/** The triangle of a <details> summary (class "group" on <details>): points to the text, down when open; mirrored in Arabic. */
export function DisclosureMarker() {
  return (
    <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90 rtl:-scale-x-100 rtl:group-open:-rotate-90">
      ▸
    </span>
  );
}
