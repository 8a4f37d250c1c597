/**
 * The daily digest for 1,000 members (issue 9: "a digest run for 1,000 members finishes in
 * ≤ 60 s"): on a database of its own (so the app server's own email round cannot take the
 * work), 1,000 members of one club in four time zones, each with five notifications waiting
 * in five rooms; one email round at a moment past 9:00 in every zone, sending through a real
 * SMTP server (smtp-server, in this process) whose received mails are counted.
 */
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { SMTPServer } from "smtp-server";
import { createDatabase, dropDatabase, openDatabase } from "./database";

export type DigestResult = {
  members: number;
  notificationsPerMember: number;
  roundMs: number;
  digestsSent: number;
  mailsReceived: number;
  perMemberMs: number;
};

const MEMBERS = 1_000;
const PER_MEMBER = 5;
const ZONES = ["UTC", "Europe/London", "Africa/Lagos", "Asia/Tokyo"];
// 10:00 UTC on 2 June 2026: past 9:00 in every zone above, and the notifications came the day before.
const ROUND_AT = new Date("2026-06-02T10:00:00Z");
const NOTIFIED_AT = new Date("2026-06-01T07:00:00Z");

async function withSmtp<T>(work: (received: () => number) => Promise<T>): Promise<T> {
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // A reverse DNS lookup of 127.0.0.1 per connection only slows the measurement down.
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        count += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  try {
    return await work(() => count);
  } finally {
    delete process.env.SMTP_URL;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Sets up, runs and measures one digest round for MEMBERS members; drops its database after. */
export async function runDigestBench(log: (text: string) => void): Promise<DigestResult> {
  const database = await createDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= "bench-secret-0123456789abcdef";
  process.env.NEXTAUTH_URL ??= "https://club.example.test";
  const sql = openDatabase(database.url);
  // Imported here, after DATABASE_URL names the bench's own database.
  const { closeDb, migrateDatabase } = await import("@/db/index");
  const { runEmailRound } = await import("@/lib/email/send");
  const { closeMailer } = await import("@/lib/mailer");
  try {
    await migrateDatabase();
    log(`digest: ${MEMBERS} members, ${PER_MEMBER} notifications each…`);
    const [club] = await sql<{ id: string }[]>`insert into clubs (name) values ('Bench Circle') returning id`;
    const [book] = await sql<{ id: string }[]>`insert into books (club_id, title, author) values (${club!.id}, 'Never Let Me Go', 'Kazuo Ishiguro') returning id`;
    const rooms = await sql<{ id: string; position: number }[]>`
      insert into rooms (club_id, book_id, position, question)
      select ${club!.id}, ${book!.id}, n, 'Question number ' || n from generate_series(1, ${PER_MEMBER}) as n
      returning id, position`;
    const users = await sql<{ id: string }[]>`
      insert into users (email, name, time_zone)
      select 'member' || n || '@bench.example', 'Member ' || n, (${ZONES}::text[])[1 + n % ${ZONES.length}]
      from generate_series(1, ${MEMBERS}) as n
      returning id`;
    await sql`insert into club_members (club_id, user_id, role) select ${club!.id}, unnest(${users.map((user) => user.id)}::uuid[]), 'member'`;
    await sql`
      insert into notifications (user_id, club_id, room_id, kind, title, body, url, dedupe_key, created_at)
      select u.id, ${club!.id}, r.id, 'reply', 'Ruth replied to you in Question ' || r.position,
             'I think Miss Lucy was right to tell them, even if it changed nothing.',
             '/clubs/' || ${club!.id} || '/rooms/' || r.id, 'bench:' || u.id || ':' || r.id, ${NOTIFIED_AT}
      from unnest(${users.map((user) => user.id)}::uuid[]) as u(id)
      cross join unnest(${rooms.map((room) => room.id)}::uuid[], ${rooms.map((room) => room.position)}::int[]) as r(id, position)`;

    return await withSmtp(async (received) => {
      const quiet = console.log;
      console.log = () => {};
      const started = performance.now();
      let result;
      try {
        result = await runEmailRound({ now: ROUND_AT });
      } finally {
        console.log = quiet;
      }
      const roundMs = Math.round(performance.now() - started);
      closeMailer();
      log(`digest: ${result.digests} digests in ${roundMs} ms (${received()} received by SMTP)`);
      return {
        members: MEMBERS,
        notificationsPerMember: PER_MEMBER,
        roundMs,
        digestsSent: result.digests,
        mailsReceived: received(),
        perMemberMs: Math.round((roundMs / MEMBERS) * 10) / 10,
      };
    });
  } finally {
    await sql.end({ timeout: 5 });
    await closeDb();
    await dropDatabase(database.name);
  }
}

/** The report's section. */
export function digestSection(digest: DigestResult): string {
  return [
    `## Daily digest: ${digest.members.toLocaleString("en")} members, ${digest.notificationsPerMember} notifications each, through a real SMTP server`,
    "",
    "| digests sent | received by SMTP | round | per member | target |",
    "| --- | --- | --- | --- | --- |",
    `| ${digest.digestsSent} | ${digest.mailsReceived} | ${(digest.roundMs / 1000).toFixed(1)} s | ${digest.perMemberMs} ms | ≤ 60 s |`,
  ].join("\n");
}
