import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { meetings, rsvps } from "@/db/schema/meetings";
import { users } from "@/db/schema/users";
import { postReply } from "@/lib/discussion/replies";
import { runEmailRound } from "@/lib/email/send";
import { saveNotificationSettings } from "@/lib/email/settings";
import { loadNotificationsPage } from "@/lib/notifications/doors";
import { notificationSentence } from "@/lib/notifications/sentence";
import { translatorFor } from "@/lib/i18n/translate";
import { loadMeetingIcs } from "@/lib/meetings/calendar";
import { calendarFeedIcs, createCalendarFeed } from "@/lib/meetings/feeds";
import { cancelMeeting, scheduleMeeting } from "@/lib/meetings/schedule";
import { deliverMeetingReminder } from "@/lib/reminders/deliver";
import { createTestClub, createTestUser, replyInput } from "./factories";
import { startTestSmtp, type TestSmtp } from "./smtp-harness";

// The same event reaches two members in their own languages: Ana reads Spanish (chosen in her
// profile, or only asked for by her browser), Kathy English. What members wrote stays as written.

const MINUTE = 60_000;
const year = new Date().getUTCFullYear() + 1;

let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startTestSmtp();
});

afterAll(async () => {
  await smtp.close();
});

async function waitFor<T>(read: () => T, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function speaks(userId: string, languages: { locale?: string | null; browserLocale?: string | null }) {
  await getDb().update(users).set(languages).where(eq(users.id, userId));
}

const allKinds = { reply: "email", mention: "email", reply_hidden: "email", meeting_scheduled: "digest", meeting_reminder: "email" } as const;

/** Ana (Spanish by her profile), Kathy (English, nothing said) and Ruth, in one club. */
async function setting() {
  const [ana, kathy, ruth] = await Promise.all([createTestUser("Ana"), createTestUser("Kathy"), createTestUser("Ruth")]);
  await speaks(ana.id, { locale: "es" });
  await saveNotificationSettings({ userId: ana.id, body: { deliveries: allKinds, timeZone: "America/Mexico_City" } });
  await saveNotificationSettings({ userId: kathy.id, body: { deliveries: allKinds, timeZone: "Europe/London" } });
  const club = await createTestClub({
    members: [
      { userId: ruth.id, role: "owner" },
      { userId: ana.id, role: "member" },
      { userId: kathy.id, role: "member" },
    ],
    questions: ["¿Qué le enseñó Hailsham a Kathy?"],
  });
  return { ana, kathy, ruth, club };
}

describe("notification email in the recipient's language", () => {
  it("tells a Spanish and an English member of the same mention each in theirs, the reply quoted as Ruth wrote it", async () => {
    const { ana, kathy, ruth, club } = await setting();
    const words = "Sigo pensando en la Galería, de verdad";
    await postReply({ roomId: club.roomIds[0]!, userId: ruth.id, body: replyInput(`@${ana.name} @${kathy.name} ${words}`) });

    await runEmailRound({ userIds: [ana.id, kathy.id] });
    const [toAna] = await waitFor(() => smtp.to(ana.email), (list) => list.length === 1, "Ana's email");
    const [toKathy] = await waitFor(() => smtp.to(kathy.email), (list) => list.length === 1, "Kathy's email");

    expect(toAna?.subject).toBe(`${ruth.name} te mencionó en la pregunta 1`);
    expect(toAna?.text).toContain(`Hola, ${ana.name}:`);
    expect(toAna?.text).toContain("Esto es lo nuevo para ti en tus clubes.");
    expect(toAna?.text).toContain("Pregunta 1: ¿Qué le enseñó Hailsham a Kathy?");
    expect(toAna?.text).toContain(words);
    expect(toAna?.text).toContain("Recibes este correo por: menciones.");
    expect(toAna?.text).toContain("Darte de baja de estos correos: https://club.example.test/unsubscribe/");
    expect(String(toAna?.html)).toContain('<html lang="es">');
    expect(String(toAna?.html)).toContain(">Elige qué llega a tu correo</a> o <a href=");
    expect(toAna?.text).not.toMatch(/Hello|mentioned you|Unsubscribe/);

    expect(toKathy?.subject).toBe(`${ruth.name} mentioned you in Question 1`);
    expect(toKathy?.text).toContain(`Hello ${kathy.name},`);
    expect(toKathy?.text).toContain("Question 1: ¿Qué le enseñó Hailsham a Kathy?");
    expect(toKathy?.text).toContain(words);
    expect(toKathy?.text).toContain("You get this email for mentions.");
    expect(String(toKathy?.html)).toContain(">Choose what reaches your inbox</a> or <a href=");
  });

  it("writes the digest in each member's language, the meeting's time in their own zone with the zone named; a browser's Spanish counts", async () => {
    const { ana, kathy, ruth, club } = await setting();
    await speaks(ana.id, { locale: null, browserLocale: "es" });
    await scheduleMeeting({
      clubId: club.clubId,
      userId: ruth.id,
      body: {
        title: "Primera parte",
        date: `${year}-01-14`,
        time: "19:00",
        timeZone: "Europe/Madrid",
        durationMinutes: "90",
        location: "",
        readingAssignment: "",
        notes: "",
        agenda: [],
        repeat: { everyWeeks: "2", count: "3" },
      },
    });

    // Tomorrow, when 9:00 has come in Mexico City (15:00 UTC) and in London.
    const tomorrow = new Date(Date.now() + 24 * 60 * MINUTE);
    tomorrow.setUTCHours(16, 0, 0, 0);
    await runEmailRound({ now: tomorrow, userIds: [ana.id, kathy.id] });
    const [toAna] = await waitFor(() => smtp.to(ana.email), (list) => list.length === 1, "Ana's digest");
    const [toKathy] = await waitFor(() => smtp.to(kathy.email), (list) => list.length === 1, "Kathy's digest");

    expect(toAna?.subject).toMatch(/^Tu resumen diario: 1 novedad en Club /);
    expect(toAna?.text).toContain("Reuniones y novedades del club");
    expect(toAna?.text).toContain("se ha programado «Primera parte»");
    // 19:00 in Madrid on 14 January is 12:00 in Mexico City.
    expect(toAna?.text).toMatch(/14 de enero de \d{4}, 12:00.*, y 2 más de la serie/);
    expect(toKathy?.subject).toMatch(/^Your daily digest: 1 new in Club /);
    expect(toKathy?.text).toContain("Primera parte was scheduled");
    expect(toKathy?.text).toMatch(/January 14, \d{4} at 6:00\sPM GMT, then 2 more in the series/);
  });
});

describe("meeting reminders in the recipient's language", () => {
  it("remind a Spanish and an English member of the same meeting each in theirs, at their own clock", async () => {
    const { ana, kathy, club } = await setting();
    const startsAt = new Date(Date.now() + 30 * MINUTE);
    const [meeting] = await getDb()
      .insert(meetings)
      .values({ clubId: club.clubId, title: "Las Casitas", startsAt, timeZone: "Europe/London", durationMinutes: 90, readingAssignment: "Capítulos 10-17" })
      .returning({ id: meetings.id });
    await getDb()
      .insert(rsvps)
      .values([
        { meetingId: meeting!.id, userId: ana.id, status: "going" },
        { meetingId: meeting!.id, userId: kathy.id, status: "maybe" },
      ]);

    await deliverMeetingReminder({ meetingId: meeting!.id, kind: "1h", startsAt: startsAt.toISOString() });
    const [toAna] = await waitFor(() => smtp.to(ana.email), (list) => list.length === 1, "Ana's reminder");
    const [toKathy] = await waitFor(() => smtp.to(kathy.email), (list) => list.length === 1, "Kathy's reminder");

    expect(toAna?.subject).toMatch(/: Las Casitas empieza dentro de 1 hora$/);
    expect(toAna?.text).toContain("se reúne dentro de 1 hora.");
    expect(toAna?.text).toContain("Antes, lee: Capítulos 10-17");
    expect(toAna?.text).toContain("Las horas están en tu zona horaria:");
    expect(toAna?.text).toContain("(America/Mexico_City)");
    expect(toAna?.text).toContain("Dejar de recibir recordatorios de reuniones por correo: https://club.example.test/unsubscribe/");
    expect(String(toAna?.html)).toContain('<html lang="es">');

    expect(toKathy?.subject).toMatch(/: Las Casitas starts in 1 hour$/);
    expect(toKathy?.text).toContain("Before then, read: Capítulos 10-17");
    expect(toKathy?.text).toContain("(Europe/London)");
    expect(toKathy?.text).toContain("Stop meeting reminders by email: https://club.example.test/unsubscribe/");

    // The notification page says it in each reader's words too.
    const { notifications: anasLines } = await loadNotificationsPage({ userId: ana.id });
    const line = anasLines.find((candidate) => candidate.kind === "meeting_reminder");
    expect(line?.text).toMatch(/Las Casitas starts in 1 hour$/);
    const spanish = notificationSentence({ sentence: line!.sentence, body: line!.sentenceBody }, translatorFor("es", "email"), { locale: "es" });
    expect(spanish.text).toMatch(/: Las Casitas empieza dentro de 1 hora$/);
    expect(spanish.body).toContain("Antes, lee: Capítulos 10-17");
  });
});

describe("calendar files in the subscriber's language", () => {
  const events = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");

  it("says the feed's and a download's own words in Spanish or English, the club's words as written", async () => {
    const { ana, kathy, ruth, club } = await setting();
    const { meetingIds } = await scheduleMeeting({
      clubId: club.clubId,
      userId: ruth.id,
      body: {
        title: "Primera parte",
        date: `${year}-01-14`,
        time: "19:00",
        timeZone: "Europe/Madrid",
        durationMinutes: "90",
        location: "",
        readingAssignment: "Capítulos 1-9",
        notes: "",
        agenda: [],
        repeat: null,
      },
    });
    await cancelMeeting({ clubId: club.clubId, meetingId: meetingIds[0]!, userId: ruth.id });
    const origin = "https://club.example.test";

    const anasFeed = await createCalendarFeed({ userId: ana.id });
    const spanish = await calendarFeedIcs({ token: anasFeed.path.split("/").pop(), origin });
    expect(spanish).toContain("X-WR-CALNAME:Reuniones de Chapterhouse");
    const [anasEvent] = events(spanish).filter((event) => String(event.getFirstPropertyValue("summary")).includes("Primera parte"));
    expect(anasEvent?.getFirstPropertyValue("summary")).toMatch(/^Cancelada: Club .+: Primera parte$/);
    expect(String(anasEvent?.getFirstPropertyValue("description"))).toMatch(/^Lectura: Capítulos 1-9\n\nPágina de la reunión: https:\/\/club\.example\.test\//);

    const kathysFeed = await createCalendarFeed({ userId: kathy.id });
    const english = await calendarFeedIcs({ token: kathysFeed.path.split("/").pop(), origin });
    expect(english).toContain("X-WR-CALNAME:Chapterhouse meetings");
    const [kathysEvent] = events(english).filter((event) => String(event.getFirstPropertyValue("summary")).includes("Primera parte"));
    expect(kathysEvent?.getFirstPropertyValue("summary")).toMatch(/^Cancelled: Club .+: Primera parte$/);
    expect(String(kathysEvent?.getFirstPropertyValue("description"))).toMatch(/^Reading: Capítulos 1-9\n\nMeeting page: /);

    const download = await loadMeetingIcs({ meetingId: meetingIds[0]!, userId: kathy.id, body: { origin, locale: "es" } });
    expect(String(events(download.body)[0]?.getFirstPropertyValue("summary"))).toMatch(/^Cancelada: /);
  });
});
