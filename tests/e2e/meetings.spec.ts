import { readFile } from "node:fs/promises";
import ICAL from "ical.js";
import type { Page } from "@playwright/test";
import postgres from "postgres";
import { accounts, clubName, expect, test, unique } from "./fixtures";

// A Thursday late in January 2027: Madrid (CET, UTC+1) and Los Angeles (PST, UTC-8) are both
// on standard time, so 19:00 in Madrid is 18:00 UTC is 10:00 in Los Angeles, the same day.
const meetingDate = "2027-01-28";
const madrid = { timezoneId: "Europe/Madrid" };
const losAngeles = { timezoneId: "America/Los_Angeles" };

// From the demo club's guide (db/seed-data/never-let-me-go-guide.txt), by question number.
const guide = {
  2: "How did the characters' relationships develop throughout the novel?",
  4: "What message was Kazuo Ishiguro trying to convey through his writing?",
  7: "Did you sympathize with any of the characters in particular?",
} as const;

/** An .ics file's content lines, with folded continuation lines joined back (RFC 5545, 3.1). */
function icsLines(text: string): string[] {
  return text.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
}

/** From the home page to the demo club's Meetings page. */
async function openMeetings(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: new RegExp(clubName) }).click();
  await page.getByRole("navigation", { name: "Club" }).getByRole("link", { name: "Meetings" }).click();
  await expect(page.getByRole("heading", { name: "Meetings", exact: true, level: 2 })).toBeVisible();
}

test("a meeting scheduled in Madrid shows in Los Angeles time, takes a member's RSVP and downloads as an .ics at the same instant", async ({ pageAs }) => {
  const title = unique("Part Two: The Cottages");
  const emily = await pageAs(accounts.emily, madrid);
  await openMeetings(emily);
  await emily.getByRole("link", { name: "Schedule a meeting" }).first().click();
  await expect(emily.getByRole("heading", { name: "Schedule a meeting", level: 1 })).toBeVisible();

  // Only the browser knows its zone, so the select gets it after hydration: this also waits
  // for React before the controlled inputs are filled.
  const zone = emily.getByLabel("Time zone");
  await expect(zone).toHaveValue(madrid.timezoneId);
  await expect(emily.getByText(/The zone you're planning in \(your browser's\)/)).toBeVisible();

  await emily.getByLabel("Title").fill(title);
  await emily.getByLabel("Date").fill(meetingDate);
  await emily.getByLabel("Start time").fill("19:00");
  await emily.getByLabel("Length (minutes)").fill("90");
  await emily.getByLabel("Video link or place (optional)").fill("https://meet.example.com/hailsham-cottages");
  await emily.getByLabel("Reading assignment (optional)").fill("Part Two, chapters 10–17");
  await expect(emily.getByText(/^Starts Thursday, January 28, 2027 at 7:00\sPM CET\.$/)).toBeVisible();

  // Ticked questions join the agenda in the order ticked; question 7 is then moved up one.
  // (A ticked row is re-rendered at the top as a new element, named with its place on the
  // agenda, so this clicks and then checks the new one rather than using check().)
  for (const [index, position] of [4, 2, 7].entries()) {
    await emily.getByRole("checkbox", { name: new RegExp(`^Question ${position}:`) }).click();
    await expect(emily.getByRole("checkbox", { name: new RegExp(`^Number ${index + 1} on the agenda\\. Question ${position}:`) })).toBeChecked();
  }
  await emily.getByRole("button", { name: "Move question 7 up" }).click();
  await expect(emily.getByRole("checkbox", { name: /^Number 2 on the agenda\. Question 7:/ })).toBeChecked();
  await emily.getByRole("button", { name: "Schedule meeting" }).click();

  await expect(emily).toHaveURL(/\/clubs\/[^/]+\/meetings\/[0-9a-f-]{36}$/);
  await expect(emily.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(emily.getByText("7:00 – 8:30 PM CET", { exact: true })).toBeVisible();
  await expect(emily.getByText("In your time zone, Central European Time (Europe/Madrid). It was scheduled in that zone too.", { exact: true })).toBeVisible();
  await expect(emily.getByRole("region", { name: "Agenda" }).getByRole("listitem")).toHaveText([guide[4], guide[7], guide[2]].map((question) => new RegExp(escapeRegExp(question))));
  const meetingPath = new URL(emily.url()).pathname;
  const meetingId = meetingPath.split("/").pop()!;

  // Kathy, in Los Angeles, opens the same page.
  const kathy = await pageAs(accounts.kathy, losAngeles);
  await kathy.goto(meetingPath);
  await expect(kathy.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(kathy.getByText("Thursday, January 28, 2027", { exact: true })).toBeVisible();
  await expect(kathy.getByText("10:00 – 11:30 AM PST", { exact: true })).toBeVisible();
  await expect(
    kathy.getByText("In your time zone, Pacific Time (America/Los_Angeles). Scheduled for 7:00 PM in Europe/Madrid.", { exact: true }),
  ).toBeVisible();
  await expect(kathy.getByRole("definition").filter({ hasText: "Part Two, chapters 10–17" })).toBeVisible();

  // RSVP: the pressed button, her answer, and her name under "Going".
  const answers = kathy.getByRole("group", { name: "Will you come?" });
  await expect(answers.getByRole("button", { name: "Going", exact: true })).toHaveAttribute("aria-pressed", "false");
  await answers.getByRole("button", { name: "Going", exact: true }).click();
  await expect(kathy.getByText("You're going. You can change this any time.")).toBeVisible();
  await expect(answers.getByRole("button", { name: "Going", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(answers.getByRole("button", { name: "Maybe" })).toHaveAttribute("aria-pressed", "false");
  await expect(answers.getByRole("button", { name: "Not going" })).toHaveAttribute("aria-pressed", "false");
  const going = kathy.locator("dl > div").filter({ has: kathy.getByRole("term").filter({ hasText: /^Going \(/ }) });
  await expect(going.getByRole("term")).toHaveText("Going (1)");
  await expect(going.getByRole("definition")).toHaveText("Kathy");
  // Saved, not just shown: it is still there after a reload, and Emily sees it too.
  await kathy.reload();
  await expect(kathy.getByRole("group", { name: "Will you come?" }).getByRole("button", { name: "Going", exact: true })).toHaveAttribute("aria-pressed", "true");
  await emily.reload();
  await expect(emily.locator("dl > div").filter({ hasText: /^Going \(1\)/ }).getByRole("definition")).toHaveText("Kathy");

  // Add to calendar: the file carries the instant in UTC, whatever zone the member is in.
  const [download] = await Promise.all([kathy.waitForEvent("download"), kathy.getByRole("link", { name: "Add to calendar" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^part-two-the-cottages-[a-z0-9-]+\.ics$/);
  const ics = await readFile(await download.path(), "utf8");
  const lines = icsLines(ics);
  expect(lines).toContain("BEGIN:VEVENT");
  expect(lines).toContain("DTSTART:20270128T180000Z");
  expect(lines).toContain("DTEND:20270128T193000Z");
  expect(lines).toContain(`UID:session-${meetingId}@chapterhouse`);
  expect(lines).toContain("SEQUENCE:0");
  expect(lines).toContain(`SUMMARY:${clubName}: ${title}`);
  expect(lines).toContain("LOCATION:https://meet.example.com/hailsham-cottages");
  // And a calendar library reads the same meeting out of it.
  const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent");
  expect(event).not.toBeNull();
  const start = event!.getFirstPropertyValue("dtstart");
  expect(start instanceof ICAL.Time ? start.toJSDate().toISOString() : null).toBe("2027-01-28T18:00:00.000Z");
  expect(String(event!.getFirstPropertyValue("description"))).toContain("Reading: Part Two, chapters 10–17");
});

// A meeting that is on right now cannot be scheduled through the app: the form and the server
// both refuse a start in the past, and waiting for a start a few minutes ahead would make this
// test slow and timing-dependent. The app has no test-only way in (and shouldn't), so the live
// meeting is written straight into the database the server under test uses. That needs a
// Postgres server the test can reach: a PGlite folder is held open by the running server.
// scripts/test.sh runs the browser tests on Postgres whenever one is available (CI has one).
test("during a meeting, the moderator's 'now discussing' marker moves live to a member in another time zone, whose view follows it", async ({ pageAs }) => {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  test.skip(!databaseUrl, "Needs E2E_DATABASE_URL (Postgres) to create a meeting that is on now; the PGlite database is held by the server.");

  const sql = postgres(databaseUrl!, { max: 1, onnotice: () => {} });
  const title = unique("Live: Part One");
  let meetingId: string | undefined;
  try {
    // Questions 1-3 in that order, so "question N" means the same on the agenda and in the guide.
    const created = await sql.begin(async (tx) => {
      const [club] = await tx<{ clubId: string; bookId: string; emilyId: string }[]>`
        select c.id as "clubId", c.current_book_id as "bookId", u.id as "emilyId"
        from clubs c, users u where c.name = ${clubName} and u.email = ${accounts.emily.email}`;
      if (!club) throw new Error("The demo club or Emily is missing: is SEED_DEMO on?");
      const rooms = await tx<{ id: string; question: string }[]>`
        select id, question from rooms where book_id = ${club.bookId} and position in (1, 2, 3) order by position`;
      // Started ten minutes ago, on for another eighty.
      const [meeting] = await tx<{ id: string }[]>`
        insert into meetings (club_id, book_id, title, starts_at, time_zone, duration_minutes, created_by_id)
        values (${club.clubId}, ${club.bookId}, ${title}, now() - interval '10 minutes', ${madrid.timezoneId}, 90, ${club.emilyId})
        returning id`;
      if (!meeting) throw new Error("The live meeting was not created.");
      for (const [index, room] of rooms.entries()) {
        await tx`insert into meeting_agenda (meeting_id, room_id, position) values (${meeting.id}, ${room.id}, ${index + 1})`;
      }
      return { clubId: club.clubId, meetingId: meeting.id, agenda: rooms.map((room) => room.question) };
    });
    meetingId = created.meetingId;
    const { agenda } = created;
    expect(agenda).toHaveLength(3);
    const [first, second, third] = agenda as [string, string, string];
    const meetingPath = `/clubs/${created.clubId}/meetings/${created.meetingId}`;

    const emily = await pageAs(accounts.emily, madrid);
    const kathy = await pageAs(accounts.kathy, losAngeles);
    for (const page of [emily, kathy]) {
      await page.goto(meetingPath);
      await expect(page.getByText("Meeting now", { exact: true })).toBeVisible();
      await expect(page.getByRole("heading", { name: "The meeting", level: 2 })).toBeVisible();
      await expect(page.getByText("Happening now", { exact: true })).toBeVisible();
    }
    // Each sees both, whichever arrived first.
    for (const page of [emily, kathy]) {
      const here = page.locator("p").filter({ hasText: /^Here now:/ });
      await expect(here).toContainText("Emily");
      await expect(here).toContainText("Kathy");
    }
    await expect(kathy.getByText("Waiting for the moderator to choose a question.")).toBeVisible();
    // Only moderators are offered the marker.
    await expect(kathy.getByRole("button", { name: /^Discuss question/ })).toHaveCount(0);
    // If Kathy's page reloaded, the mark would be gone.
    await kathy.evaluate(() => ((window as { e2eMark?: boolean }).e2eMark = true));

    const agendaOf = (page: Page) => page.getByRole("region", { name: /^Agenda · 3 questions$/ });
    const agendaItem = (page: Page, position: number) => agendaOf(page).getByRole("button", { name: new RegExp(`^Question ${position}\\b`) });
    // The first question is shown until a moderator chooses one.
    await expect(kathy.getByRole("heading", { name: first, level: 2 })).toBeVisible();

    await agendaOf(emily).getByRole("button", { name: "Discuss question 2 now" }).click();
    await expect(agendaOf(emily).getByRole("button", { name: "Stop discussing question 2" })).toBeVisible();

    await expect(agendaItem(kathy, 2)).toContainText("Now discussing");
    await expect(agendaItem(kathy, 2)).toHaveAttribute("aria-current", "true");
    await expect(kathy.getByRole("region", { name: second })).toContainText("Now discussing");
    await expect(kathy.getByText("Following the discussion", { exact: true })).toBeVisible();
    await expect(kathy.getByText(`Now discussing question 2: ${second}`, { exact: true })).toBeAttached();

    await agendaOf(emily).getByRole("button", { name: "Discuss question 3 now" }).click();
    await expect(agendaItem(kathy, 3)).toContainText("Now discussing");
    await expect(agendaItem(kathy, 3)).toHaveAttribute("aria-current", "true");
    await expect(agendaItem(kathy, 2)).not.toContainText("Now discussing");
    await expect(agendaItem(kathy, 2)).not.toHaveAttribute("aria-current", "true");
    await expect(kathy.getByRole("region", { name: third })).toContainText("Now discussing");
    await expect(kathy.getByRole("region", { name: second })).toHaveCount(0);
    await expect(kathy.getByText(`Now discussing question 3: ${third}`, { exact: true })).toBeAttached();
    expect(await kathy.evaluate(() => (window as { e2eMark?: boolean }).e2eMark)).toBe(true);
  } finally {
    if (meetingId) await sql`delete from meetings where id = ${meetingId}`;
    await sql.end();
  }
});

test("at a live meeting, a question past the member's progress shows its veil and a way to the room, not an error to retry", async ({ pageAs, request }) => {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  test.skip(!databaseUrl, "Needs E2E_DATABASE_URL (Postgres) to create a meeting that is on now; the PGlite database is held by the server.");

  // A member of their own who has said nothing of their progress: every room with a reach is past
  // them, and no other test has lifted a veil for them.
  const newcomer = { name: "New Reader", email: `${unique("panel").replace(/\W+/g, "-")}@example.com`, password: "a long enough password" };
  expect((await request.post("/api/sign-up", { data: newcomer, headers: { "Content-Type": "application/json" } })).status()).toBe(201);
  const sql = postgres(databaseUrl!, { max: 1, onnotice: () => {} });
  let meetingId: string | undefined;
  try {
    const created = await sql.begin(async (tx) => {
      const [club] = await tx<{ clubId: string; bookId: string; emilyId: string; newcomerId: string }[]>`
        select c.id as "clubId", c.current_book_id as "bookId", e.id as "emilyId", n.id as "newcomerId"
        from clubs c, users e, users n where c.name = ${clubName} and e.email = ${accounts.emily.email} and n.email = ${newcomer.email}`;
      if (!club) throw new Error("The demo club, Emily or the newcomer is missing.");
      await tx`insert into club_members (club_id, user_id, role) values (${club.clubId}, ${club.newcomerId}, 'member')`;
      // The demo's question 6 reaches the ending (db/seed.ts).
      const [room] = await tx<{ id: string }[]>`select id from rooms where book_id = ${club.bookId} and position = 6 and reach is not null`;
      if (!room) throw new Error("The demo's question 6 has no reach.");
      const [meeting] = await tx<{ id: string }[]>`
        insert into meetings (club_id, book_id, title, starts_at, time_zone, duration_minutes, created_by_id)
        values (${club.clubId}, ${club.bookId}, ${unique("Live: the ending")}, now() - interval '10 minutes', 'Europe/London', 90, ${club.emilyId})
        returning id`;
      if (!meeting) throw new Error("The live meeting was not created.");
      await tx`insert into meeting_agenda (meeting_id, room_id, position) values (${meeting.id}, ${room.id}, 1)`;
      return { clubId: club.clubId, meetingId: meeting.id, roomId: room.id };
    });
    meetingId = created.meetingId;

    const page = await pageAs(newcomer);
    await page.goto(`/clubs/${created.clubId}/meetings/${created.meetingId}`);
    await expect(page.getByText(/goes up to the ending, past where you are/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
    await page.getByRole("link", { name: "Open the room to choose" }).click();
    await expect(page).toHaveURL(new RegExp(`/rooms/${created.roomId}$`));
    await expect(page.getByRole("button", { name: "I've read it / show anyway" })).toBeVisible();
  } finally {
    if (meetingId) await sql`delete from meetings where id = ${meetingId}`;
    await sql.end();
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("links from before meetings were renamed (/sessions/…) answer with a permanent redirect to /meetings/…", async ({ request }) => {
  const clubId = "00000000-0000-4000-8000-000000000001";
  const meetingId = "00000000-0000-4000-8000-000000000002";
  const cases = [
    [`/clubs/${clubId}/sessions`, `/clubs/${clubId}/meetings`],
    [`/clubs/${clubId}/sessions/${meetingId}`, `/clubs/${clubId}/meetings/${meetingId}`],
    [`/clubs/${clubId}/sessions/${meetingId}/edit`, `/clubs/${clubId}/meetings/${meetingId}/edit`],
    [`/api/sessions/${meetingId}/ics`, `/api/meetings/${meetingId}/ics`],
  ] as const;
  for (const [from, to] of cases) {
    const response = await request.get(from, { maxRedirects: 0 });
    expect(response.status(), from).toBe(308);
    expect(new URL(response.headers().location ?? "", "http://x").pathname, from).toBe(to);
  }
});
