import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { migrationsBefore, migrationsFolder, openScratchDatabase } from "./scratch-database";

// Migration 0016 redefines reply_search_text (the body search reads, inline spoilers removed) to
// remove everything from the first "||" to the last. replies.search_vector is a stored generated
// column: replacing the function recomputes nothing by itself, so the migration rewrites the rows
// it can change. Replies written before it must stop matching the words their spoilers veil.

describe("migration 0016: search leaves out every inline spoiler the renderer could veil", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it("recomputes the search words of replies written before it", async () => {
    const scratch = await openScratchDatabase();
    cleanups.push(scratch.close);
    const before = migrationsBefore("0016_search_spoilers");
    cleanups.push(async () => rmSync(before, { recursive: true, force: true }));
    await scratch.migrate(before);

    const ids = {
      user: "00000000-0000-4000-8000-000000000001",
      club: "00000000-0000-4000-8000-000000000002",
      book: "00000000-0000-4000-8000-000000000003",
      room: "00000000-0000-4000-8000-000000000004",
    };
    await scratch.db.execute(sql`insert into users (id, email, name) values (${ids.user}, 'kathy@example.com', 'Kathy')`);
    await scratch.db.execute(sql`insert into clubs (id, name) values (${ids.club}, 'Hailsham')`);
    await scratch.db.execute(sql`insert into books (id, club_id, title, author) values (${ids.book}, ${ids.club}, 'Never Let Me Go', 'Kazuo Ishiguro')`);
    await scratch.db.execute(sql`insert into rooms (id, club_id, book_id, position, question) values (${ids.room}, ${ids.club}, ${ids.book}, 1, 'Why?')`);
    const bodies = [
      "Either this || that, but ||Tommy leakword dies|| later",
      "Use `||` then ||leakwordtwo|| ok",
      "Choices || or not ||leakwordone|| fine",
      "Plain tapeword, no bars at all",
    ];
    for (const [index, body] of bodies.entries()) {
      const id = `00000000-0000-4000-8000-0000000001${String(index).padStart(2, "0")}`;
      await scratch.db.execute(
        sql`insert into replies (id, room_id, thread_id, author_id, seq, body, body_html, idempotency_key)
            values (${id}::uuid, ${ids.room}::uuid, ${id}::uuid, ${ids.user}::uuid, ${index + 1}, ${body}, ${body}, gen_random_uuid())`,
      );
    }
    const matching = async (word: string) =>
      (await scratch.rows(sql`select body from replies where search_vector @@ to_tsquery('chapterhouse_en', ${word})`)).map((row) => row.body);
    // Before: the old function paired a bar pair with the next one, so these words were found.
    expect(await matching("leakword")).toEqual([bodies[0]]);

    await scratch.migrate(migrationsFolder);

    for (const word of ["leakword", "leakwordtwo", "leakwordone", "tommy"]) expect(await matching(word)).toEqual([]);
    // Words outside the bars are still found, and bodies without bars are untouched.
    expect(await matching("either")).toEqual([bodies[0]]);
    expect(await matching("fine")).toEqual([bodies[2]]);
    expect(await matching("tapeword")).toEqual([bodies[3]]);
    const [row] = await scratch.rows(sql`select reply_search_text(${"a ||one\nline|| b ||two|| c"}) as text`);
    expect(row?.text).toBe("a   c");
  });
});
