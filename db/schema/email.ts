import { date, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Where each member's email stands (lib/email): when the last batched email went out, so the
 * next waits 15 minutes, and the local day whose digest was last sent, so a day gets one.
 * No row: nothing has been emailed yet.
 */
export const memberEmailState = pgTable("member_email_state", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  lastBatchAt: timestamp("last_batch_at", { withTimezone: true }),
  // The member's own calendar day (in users.time_zone) of the last digest sent.
  lastDigestOn: date("last_digest_on", { mode: "string" }),
});
