// Print pages (a roster, a report, a contract, a reference) export
// `handle = printPageHandle`; the root then marks <body> with .print-page-body,
// and the stylesheet prints the document alone (no header, footer or menu).
// A class on the body, not an inline <style> (the CSP allows none) nor
// :has() (Firefox ESR 115 on the secretariat's PCs lacks it).
export const printPageHandle = { printPage: true } as const;

export function isPrintPage(matches: readonly { handle?: unknown }[]): boolean {
  return matches.some((match) => (match.handle as { printPage?: boolean } | undefined)?.printPage === true);
}
