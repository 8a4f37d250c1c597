import type { ClaimedNotification } from "@/db/queries/email";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor, translatorFor } from "@/lib/i18n/translate";
import { isNotificationKind } from "./rules";
import { bodyOf, notificationSentence, sentenceOf } from "@/lib/notifications/sentence";

// The words of a notification email, batched or digest: what a member reads, grouped by club
// and then by room (a discussion question), in plain text and in HTML, in the member's language
// (recipientLocale) with meeting times in their zone. What members wrote (a reply's excerpt, a
// question, a club's name) stays as they wrote it. Pure: the caller has already left out
// anything that must not be mailed (lib/email/send.ts).

/** A notification as an email shows it (db/queries/email.ts claims them). */
type EmailItem = Omit<ClaimedNotification, "id">;

export type NotificationEmailInput = {
  type: "batch" | "digest";
  recipientName: string;
  /** The recipient's language (lib/i18n/locales.ts recipientLocale). */
  locale: Locale;
  /** The recipient's IANA zone, for meeting times; null: each meeting's own zone (always named). */
  timeZone: string | null;
  items: EmailItem[];
  /** The app's public address, e.g. https://club.example.org (links are made absolute with it). */
  baseUrl: string;
  /** The signed page that stops these kinds of email (no sign-in needed). */
  unsubscribeUrl: string;
  /** The kinds in this email, named in its footer. */
  kinds: string[];
};

export type NotificationEmail = { subject: string; text: string; html: string };

type EmailT = ReturnType<typeof translatorFor<"email">>;

type RoomGroup = { key: string; heading: string; position: number; items: EmailItem[] };
type ClubGroup = { key: string; name: string; rooms: RoomGroup[] };

const QUESTION_CHARS = 90;
const BODY_CHARS = 280;

function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

function shorten(value: string, max: number): string {
  const line = oneLine(value);
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** Clubs by name, rooms by their place in the guide (club news last), items oldest first. */
function groupByClubAndRoom(items: EmailItem[], t: EmailT, locale: Locale): ClubGroup[] {
  const clubs = new Map<string, ClubGroup>();
  for (const item of items) {
    const clubKey = item.clubId ?? "";
    const club = clubs.get(clubKey) ?? { key: clubKey, name: item.clubName ?? "Chapterhouse", rooms: [] };
    clubs.set(clubKey, club);
    const roomKey = item.roomId ?? "";
    let room = club.rooms.find((candidate) => candidate.key === roomKey);
    if (!room) {
      room = item.roomId
        ? {
            key: roomKey,
            heading: t("roomHeading", { position: item.roomPosition ?? "?", question: shorten(item.roomQuestion ?? "", QUESTION_CHARS) }),
            position: item.roomPosition ?? Number.MAX_SAFE_INTEGER - 1,
            items: [],
          }
        : { key: "", heading: t("clubNews"), position: Number.MAX_SAFE_INTEGER, items: [] };
      club.rooms.push(room);
    }
    room.items.push(item);
  }
  const groups = [...clubs.values()].sort((a, b) => a.name.localeCompare(b.name, locale));
  for (const club of groups) {
    club.rooms.sort((a, b) => a.position - b.position);
    for (const room of club.rooms) room.items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }
  return groups;
}

/** An app path as an absolute link; anything but an in-app path ("/...") is not offered as a link. */
function absoluteLink(baseUrl: string, url: string | null): string | null {
  if (!url || !url.startsWith("/") || url.startsWith("//")) return null;
  return `${baseUrl.replace(/\/+$/, "")}${url}`;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

type ItemWords = { title: string; body: string };

function subjectOf(input: NotificationEmailInput, groups: ClubGroup[], words: Map<EmailItem, ItemWords>, t: EmailT): string {
  const count = input.items.length;
  const oneClub = groups.length === 1 ? (groups[0]?.name ?? "") : null;
  const values = { count, club: oneClub ?? "", clubs: groups.length };
  if (input.type === "digest") return oneLine(oneClub !== null ? t("digest.subjectOneClub", values) : t("digest.subjectClubs", values));
  const [only] = input.items;
  if (count === 1 && only) return shorten(words.get(only)?.title ?? only.title, 150);
  return oneLine(oneClub !== null ? t("batch.subjectOneClub", values) : t("batch.subjectClubs", values));
}

/** "replies to you, mentions and meeting reminders", in the recipient's language. */
function listKinds(kinds: string[], t: EmailT, locale: Locale): string {
  const labels = kinds.map((kind) => (isNotificationKind(kind) ? t(`kinds.${kind}.label`) : kind).toLocaleLowerCase(locale));
  return formatterFor(locale, "UTC").list(labels, { type: "conjunction" });
}

/**
 * The email for a member: subject, plain text and HTML, grouped by club and room, each item
 * with its link, and a footer with the settings page and the one-click unsubscribe link.
 */
export function notificationEmail(input: NotificationEmailInput): NotificationEmail {
  const t = translatorFor(input.locale, "email");
  const groups = groupByClubAndRoom(input.items, t, input.locale);
  const words = new Map<EmailItem, ItemWords>(
    input.items.map((item) => {
      const said = notificationSentence({ sentence: sentenceOf(item), body: bodyOf(item) }, t, { locale: input.locale, timeZone: input.timeZone });
      return [item, { title: said.text, body: said.body }];
    }),
  );
  const settingsUrl = `${input.baseUrl.replace(/\/+$/, "")}/profile#notifications`;
  const intro = input.type === "digest" ? t("digest.intro") : t("batch.intro");
  const footer = t("footer.why", { kinds: listKinds(input.kinds, t, input.locale) });
  const greeting = t("greeting", { name: oneLine(input.recipientName) });

  const text: string[] = [greeting, "", intro, ""];
  for (const club of groups) {
    text.push(club.name, "=".repeat(Math.min(club.name.length, 60)));
    for (const room of club.rooms) {
      text.push("", room.heading);
      for (const item of room.items) {
        const said = words.get(item) ?? item;
        text.push(`  - ${oneLine(said.title)}`);
        if (said.body.trim()) text.push(`    ${shorten(said.body, BODY_CHARS)}`);
        const link = absoluteLink(input.baseUrl, item.url);
        if (link) text.push(`    ${link}`);
      }
    }
    text.push("");
  }
  text.push("--", footer, t("footer.settingsText", { url: settingsUrl }), t("footer.unsubscribeText", { url: input.unsubscribeUrl }), "");

  const html: string[] = [
    `<!doctype html><html lang="${input.locale}"><body style="font-family: Georgia, serif; color: #1f2933; line-height: 1.5; max-width: 40rem;">`,
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
  ];
  for (const club of groups) {
    html.push(`<h2 style="font-size: 1.25rem; margin: 1.5rem 0 0.5rem;">${escapeHtml(club.name)}</h2>`);
    for (const room of club.rooms) {
      html.push(`<h3 style="font-size: 1rem; margin: 1rem 0 0.25rem;">${escapeHtml(room.heading)}</h3>`, "<ul>");
      for (const item of room.items) {
        const said = words.get(item) ?? item;
        const link = absoluteLink(input.baseUrl, item.url);
        const title = escapeHtml(oneLine(said.title));
        html.push(
          "<li>",
          link ? `<a href="${escapeHtml(link)}">${title}</a>` : title,
          said.body.trim() ? `<br><span style="color: #52606d;">${escapeHtml(shorten(said.body, BODY_CHARS))}</span>` : "",
          "</li>",
        );
      }
      html.push("</ul>");
    }
  }
  html.push(
    '<hr style="border: none; border-top: 1px solid #d9d4c7; margin-top: 2rem;">',
    `<p style="font-size: 0.875rem; color: #52606d;">${escapeHtml(footer)} ` +
      // The message's own words are escaped piece by piece; the links are ours.
      t.markup("footer.linksHtml", {
        settings: (chunks) => `<a href="${escapeHtml(settingsUrl)}">${chunks}</a>`,
        unsubscribe: (chunks) => `<a href="${escapeHtml(input.unsubscribeUrl)}">${chunks}</a>`,
      }) +
      "</p>",
    "</body></html>",
  );

  return { subject: subjectOf(input, groups, words, t), text: text.join("\n"), html: html.join("\n") };
}
