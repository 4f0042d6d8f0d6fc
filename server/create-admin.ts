// `npm run create-admin -- --email <address> [--phone <number>] [--name "First Last"]`
// Makes the first administrator on a real installation (the demo seed has
// one already), or promotes an existing account. Works while `npm start`
// runs, and against DATABASE_URL.
import { parseArgs } from "node:util";
import { parseIdentifier } from "../app/domain/accounts/identifier.ts";
import { createDb } from "../app/lib/db-client.ts";
import { databaseForTool } from "./database.ts";

const { values } = parseArgs({ options: { email: { type: "string" }, phone: { type: "string" }, name: { type: "string" } } });
const email = values.email ? parseIdentifier(values.email) : null;
const phone = values.phone ? parseIdentifier(values.phone) : null;
if ((values.email && email?.kind !== "email") || (values.phone && phone?.kind !== "phone") || (!email && !phone)) {
  console.error('Usage: npm run create-admin -- --email admin@example.dk [--phone "20 12 34 56"] [--name "First Last"]');
  process.exit(2);
}

const database = await databaseForTool(() => {});
const db = createDb(database.url, 1);
try {
  const where = email ? { email: email.value } : { phone: phone!.value };
  const existing = await db.user.findUnique({ where });
  if (existing) {
    await db.user.update({ where: { id: existing.id }, data: { role: "ADMIN", disabledAt: null } });
    console.log("The account now has the admin role.");
  } else {
    const [firstName = "", ...rest] = (values.name ?? "").trim().split(/\s+/);
    await db.user.create({
      data: {
        role: "ADMIN",
        email: email?.value ?? null,
        phone: phone?.value ?? null,
        person: { create: { firstName, lastName: rest.join(" "), email: email?.value ?? null, phone: phone?.value ?? null } },
      },
    });
    console.log("Admin created. Sign in with a one-time code sent to the address given.");
  }
} finally {
  await db.$disconnect();
  await database.embedded?.stop();
}
