import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hashInviteToken, newInviteToken } from "@/lib/clubs/invites";
import { migrationsBefore, migrationsFolder, openScratchDatabase } from "./scratch-database";

// Migration 0004 stores invite tokens hashed. It hashes the rows already there in place, so a
// link handed out before it keeps working: the stored value is what the app now looks up.

describe("migration 0004 (invite tokens hashed)", () => {
  it("hashes an existing invite's token in place, to exactly what a lookup of its link computes", async () => {
    const scratch = await openScratchDatabase();
    try {
      await scratch.migrate(migrationsBefore("0004_invite-token-hash"));
      const club = randomUUID();
      const raw = newInviteToken();
      await scratch.db.execute(sql`insert into clubs (id, name) values (${club}, 'Hailsham')`);
      await scratch.db.execute(sql`insert into invites (club_id, token, expires_at) values (${club}, ${raw}, now() + interval '7 days')`);

      await scratch.migrate(migrationsFolder);

      const rows = await scratch.rows(sql`select token from invites`);
      expect(rows).toEqual([{ token: hashInviteToken(raw) }]);
      expect(JSON.stringify(await scratch.rows(sql`select * from invites`))).not.toContain(raw);
    } finally {
      await scratch.close();
    }
  });
});
