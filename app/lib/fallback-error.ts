// The error page's words when no translations are at hand (no loader ran: an action failed, or the root loader):
// the texts of common.json's error.title and error.generic in every language (tests/unit/locales.test.ts checks).
export const FALLBACK_ERROR = [
  ["da", "Der gik noget galt", "Siden kunne ikke vises lige nu. Prøv igen om lidt."],
  ["en", "Something went wrong", "The page could not be shown right now. Please try again shortly."],
  ["ar", "حدث خطأ ما", "تعذر عرض الصفحة الآن. يرجى المحاولة مرة أخرى بعد قليل."],
] as const;
