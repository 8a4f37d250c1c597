import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { migrationsBefore, migrationsFolder, openScratchDatabase } from "./scratch-database";

// Migration 0003 renamed the scheduled "sessions" to "meetings". It must rename, never drop:
// a club's meetings, agendas, RSVPs, reminder jobs and notifications written before it survive.

describe("migration 0003: sessions become meetings", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it("keeps every meeting, agenda item, RSVP, reminder job and notification written before it", async () => {
    const scratch = await openScratchDatabase();
    cleanups.push(scratch.close);
    const before = migrationsBefore("0003_meetings");
    cleanups.push(async () => rmSync(before, { recursive: true, force: true }));
    await scratch.migrate(before);

    const ids = {
      user: "00000000-0000-4000-8000-000000000001",
      club: "00000000-0000-4000-8000-000000000002",
      book: "00000000-0000-4000-8000-000000000003",
      room: "00000000-0000-4000-8000-000000000004",
      meeting: "00000000-0000-4000-8000-000000000005",
    };
    await scratch.db.execute(sql`insert into users (id, email, name) values (${ids.user}, 'kathy@example.com', 'Kathy')`);
    await scratch.db.execute(sql`insert into clubs (id, name) values (${ids.club}, 'Hailsham')`);
    await scratch.db.execute(sql`insert into books (id, club_id, title, author) values (${ids.book}, ${ids.club}, 'Never Let Me Go', 'Kazuo Ishiguro')`);
    await scratch.db.execute(
      sql`insert into rooms (id, club_id, book_id, position, question) values (${ids.room}, ${ids.club}, ${ids.book}, 1, 'Why does Kathy remember?')`,
    );
    await scratch.db.execute(
      sql`insert into sessions (id, club_id, book_id, title, starts_at, time_zone, duration_minutes, current_room_id)
          values (${ids.meeting}, ${ids.club}, ${ids.book}, 'Part One', '2027-01-10T18:00:00Z', 'Europe/Madrid', 90, ${ids.room})`,
    );
    await scratch.db.execute(sql`insert into session_agenda (session_id, room_id, position) values (${ids.meeting}, ${ids.room}, 1)`);
    await scratch.db.execute(sql`insert into rsvps (session_id, user_id, status) values (${ids.meeting}, ${ids.user}, 'going')`);
    await scratch.db.execute(
      sql`insert into session_reminder_jobs (session_id, kind, job_id, send_at) values (${ids.meeting}, '1h', 'job-1', '2027-01-10T17:00:00Z')`,
    );
    await scratch.db.execute(
      sql`insert into notifications (user_id, club_id, session_id, kind, title, dedupe_key) values (${ids.user}, ${ids.club}, ${ids.meeting}, 'session_reminder', 'Soon', 'k1')`,
    );

    await scratch.migrate(migrationsFolder);

    expect(await scratch.rows(sql`select id, title, current_room_id from meetings`)).toEqual([
      { id: ids.meeting, title: "Part One", current_room_id: ids.room },
    ]);
    expect(await scratch.rows(sql`select meeting_id, room_id from meeting_agenda`)).toEqual([{ meeting_id: ids.meeting, room_id: ids.room }]);
    expect(await scratch.rows(sql`select meeting_id, status from rsvps`)).toEqual([{ meeting_id: ids.meeting, status: "going" }]);
    expect(await scratch.rows(sql`select meeting_id, job_id from meeting_reminder_jobs`)).toEqual([{ meeting_id: ids.meeting, job_id: "job-1" }]);
    expect(await scratch.rows(sql`select meeting_id, kind from notifications`)).toEqual([{ meeting_id: ids.meeting, kind: "meeting_reminder" }]);
    // Every key, foreign key and index of the renamed tables carries the new names. Only theirs:
    // revoked_sessions, a later table, is about sign-in sessions and rightly says so. (Newer
    // Postgres versions also list NOT NULL constraints, named once at creation; nothing refers to
    // them by name.)
    const meetingTables = sql.raw("('meetings', 'meeting_agenda', 'meeting_reminder_jobs', 'rsvps', 'notifications')");
    const leftovers = await scratch.rows(
      sql`select indexname from pg_indexes where schemaname = 'public' and tablename in ${meetingTables} and indexname like '%session%' order by indexname`,
    );
    expect(leftovers).toEqual([]);
    const constraints = await scratch.rows(
      sql`select conname from pg_constraint where conrelid::regclass::text in ${meetingTables} and contype <> 'n' and conname like '%session%' order by conname`,
    );
    expect(constraints).toEqual([]);
    // The old names are gone, and the foreign keys still cascade from the renamed table.
    expect(await scratch.rows(sql`select to_regclass('public.sessions') as old`)).toEqual([{ old: null }]);
    await scratch.db.execute(sql`delete from meetings where id = ${ids.meeting}`);
    expect(await scratch.rows(sql`select count(*)::int as n from rsvps`)).toEqual([{ n: 0 }]);
  });
});
