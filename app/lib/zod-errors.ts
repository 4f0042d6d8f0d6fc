// Every zod check without a message of its own (a uuid field, a checkbox that
// got something else, an unknown form intent — input a browser does not send
// but a forged request can) answers with one translated key instead of zod's
// English default, which pages would show as it is (found by the fuzz test).
// Imported once by entry.server.tsx (and the integration tests' setup).
import { z } from "zod";

export const INVALID_VALUE = "common:errors.invalidValue";

z.config({ customError: () => INVALID_VALUE });
