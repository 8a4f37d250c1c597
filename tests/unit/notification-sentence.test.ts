import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translate";
import { groupNotifications, type NotificationRow } from "@/lib/notifications/groups";
import { bodyOf, notificationSentence, sentenceOf, type NotificationFacts } from "@/lib/notifications/sentence";
import { reminderEmail, reminderMessage } from "@/lib/reminders/message";

const es = translatorFor("es", "email");
const en = translatorFor("en", "email");

let counter = 0;
function row(overrides: Partial<NotificationRow>): NotificationRow {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    kind: "reply",
    title: "stored title",
    body: "lo que Ruth escribió",
    url: "/clubs/c/rooms/r?reply=x",
    groupKey: "reply:r",
    actorId: "ruth",
    actorName: "Ruth",
    roomPosition: 4,
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, 60 - counter)),
    readAt: null,
    ...overrides,
  };
}

const spanish = (line: ReturnType<typeof groupNotifications>[number]) =>
  notificationSentence({ sentence: line.sentence, body: line.sentenceBody }, es, { locale: "es" });

describe("a notification line in the reader's language", () => {
  it("says who replied in Spanish, the verb agreeing with how many people, the excerpt as its author wrote it", () => {
    const [several, alone] = groupNotifications([
      row({ actorId: "ruth", actorName: "Ruth" }),
      row({ actorId: "tommy", actorName: "Tommy" }),
      row({ actorId: "emily", actorName: "Emily" }),
      row({ kind: "mention", groupKey: "mention:r", actorId: "tommy", actorName: "Tommy" }),
    ]);
    expect(spanish(several!)).toEqual({ text: "Ruth y 2 personas más te respondieron en la pregunta 4", body: "lo que Ruth escribió" });
    expect(several?.text).toBe("Ruth and 2 others replied to you in Question 4");
    expect(spanish(alone!).text).toBe("Tommy te mencionó en la pregunta 4");
  });

  it("counts one person's several notifications: 'dos veces', '3 veces'", () => {
    const [twice] = groupNotifications([row({}), row({})]);
    const [thrice] = groupNotifications([row({ kind: "mention", groupKey: "mention:r" }), row({ kind: "mention", groupKey: "mention:r" }), row({ kind: "mention", groupKey: "mention:r" })]);
    expect(spanish(twice!).text).toBe("Ruth te respondió dos veces en la pregunta 4");
    expect(spanish(thrice!).text).toBe("Ruth te mencionó 3 veces en la pregunta 4");
  });

  it("says a veiled excerpt's reach in the reader's words, naming the book's own parts", () => {
    const shape = { chapters: 23, parts: [{ title: "Primera parte", first: 1, last: 9 }, { title: "Segunda parte", first: 10, last: 17 }] };
    const veiled = (reach: number) => ({ kind: "mention", title: "", body: "Contains spoilers up to the end of Part One", spoilerReach: reach, bookShape: shape });
    const say = (facts: NotificationFacts, t = es) => notificationSentence({ sentence: sentenceOf(facts), body: bodyOf(facts) }, t, { locale: "es" }).body;
    expect(say(veiled(9))).toBe("Contiene spoilers hasta el final de «Primera parte»");
    expect(say(veiled(12))).toBe("Contiene spoilers hasta Segunda parte, capítulo 12");
    expect(say(veiled(10_000))).toBe("Contiene spoilers hasta el final");
    expect(say(veiled(12), en)).toBe("Contains spoilers up to Segunda parte, chapter 12");
  });

  it("says a new meeting, its time in the reader's zone and the rest of its series", () => {
    const facts: NotificationFacts = {
      kind: "meeting_scheduled",
      title: "stored",
      body: "stored",
      clubName: "Veladas de Hailsham",
      meetingTitle: "Primera parte",
      meetingStartsAt: new Date("2026-03-12T18:00:00Z"),
      meetingTimeZone: "Europe/Madrid",
      seriesMore: 3,
    };
    const said = notificationSentence({ sentence: sentenceOf(facts), body: bodyOf(facts) }, es, { locale: "es", timeZone: "America/Mexico_City" });
    expect(said.text).toBe("Veladas de Hailsham: se ha programado «Primera parte»");
    // The zone is named (its short name is the meetings' time module's: "GMT-6" in Spanish).
    expect(said.body.replace(/\s/g, " ")).toMatch(/^jueves, 12 de marzo de 2026, 12:00 (CST|GMT-6), y 3 más de la serie$/);
  });

  it("keeps the stored words for a kind it does not know, a gone meeting, or nobody known", () => {
    const say = (facts: NotificationFacts) => notificationSentence({ sentence: sentenceOf(facts), body: bodyOf(facts) }, es, { locale: "es" });
    expect(say({ kind: "badge", title: "You earned a badge", body: "Well done" })).toEqual({ text: "You earned a badge", body: "Well done" });
    expect(say({ kind: "meeting_reminder", title: "Club: X starts in 1 hour", body: "" }).text).toBe("Club: X starts in 1 hour");
    expect(say({ kind: "reply", title: "Ruth replied to you", body: "", roomPosition: 2, actorName: null }).text).toBe("Ruth replied to you");
  });

  it("reads a reminder's hours from its dedupe key and the moderator's reason after its label", () => {
    const say = (facts: NotificationFacts) => notificationSentence({ sentence: sentenceOf(facts), body: bodyOf(facts) }, es, { locale: "es" });
    const reminder = { kind: "meeting_reminder", title: "", body: "", clubName: "Veladas", meetingTitle: "Primera parte", dedupeKey: "reminder:m:24h:2026-03-12T18:00:00.000Z:u" };
    expect(say(reminder).text).toBe("Veladas: Primera parte empieza dentro de 24 horas");
    expect(say({ kind: "reply_hidden", title: "", body: "Reason: Spoilers sin avisar", roomPosition: 3 })).toEqual({
      text: "La moderación ocultó tu respuesta en la pregunta 3",
      body: "Motivo: Spoilers sin avisar",
    });
  });
});

describe("a reminder in the reader's language and zone", () => {
  const meeting = {
    id: "meeting-1",
    clubId: "club-1",
    clubName: "Veladas de Hailsham",
    title: "Primera parte",
    startsAt: new Date("2026-03-12T18:00:00Z"),
    timeZone: "Europe/Madrid",
    location: "Biblioteca del barrio",
    readingAssignment: "Capítulos 1–9",
  };

  it("stores English in the meeting's zone, and says it in Spanish at the reader's clock", () => {
    expect(reminderMessage(meeting, "1h").title).toBe("Veladas de Hailsham: Primera parte starts in 1 hour");
    const message = reminderMessage(meeting, "24h", { locale: "es", timeZone: "America/Mexico_City" });
    expect(message.title).toBe("Veladas de Hailsham: Primera parte empieza dentro de 24 horas");
    expect(message.body.replace(/\s/g, " ")).toMatch(/^jueves, 12 de marzo de 2026, 12:00 (CST|GMT-6) Antes, lee: Capítulos 1–9$/);
  });

  it("emails in Spanish, text and HTML, naming the reader's zone, or the meeting's when theirs is unknown", () => {
    const email = reminderEmail({ meeting, kind: "1h", recipientName: "Ana", baseUrl: "https://club.example.org", reader: { locale: "es", timeZone: "America/Mexico_City" }, stopUrl: "https://club.example.org/unsubscribe/t" });
    expect(email.text).toContain("Hola, Ana:");
    expect(email.text).toContain("Veladas de Hailsham se reúne dentro de 1 hora.");
    expect(email.text).toContain("Dónde: Biblioteca del barrio");
    expect(email.text).toContain("Las horas están en tu zona horaria:");
    expect(email.text).toContain("(America/Mexico_City)");
    expect(email.html).toContain('<html lang="es">');
    expect(email.html).toContain(">Dejar de recibir recordatorios de reuniones por correo</a>");
    const unknownZone = reminderEmail({ meeting, kind: "1h", recipientName: "Ana", baseUrl: "https://club.example.org", reader: { locale: "es", timeZone: null } });
    expect(unknownZone.text).toContain("Las horas están en la zona horaria del club para esta reunión:");
    expect(unknownZone.text).toContain("(Europe/Madrid)");
  });
});
