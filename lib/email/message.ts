import type { ClaimedNotification } from "@/db/queries/email";
import { kindLabel } from "./kind-labels";

// The words of a notification email, batched or digest: what a member reads, grouped by club
// and then by room (a discussion question), in plain text and in HTML. Pure: the caller has
// already left out anything that must not be mailed (lib/email/send.ts).

/** A notification as an email shows it (db/queries/email.ts claims them). */
type EmailItem = Omit<ClaimedNotification, "id">;

export type NotificationEmailInput = {
  type: "batch" | "digest";
  recipientName: string;
  items: EmailItem[];
  /** The app's public address, e.g. https://club.example.org (links are made absolute with it). */
  baseUrl: string;
  /** The signed page that stops these kinds of email (no sign-in needed). */
  unsubscribeUrl: string;
  /** The kinds in this email, named in its footer. */
  kinds: string[];
};

export type NotificationEmail = { subject: string; text: string; html: string };

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
function groupByClubAndRoom(items: EmailItem[]): ClubGroup[] {
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
            heading: `Question ${item.roomPosition ?? "?"}: ${shorten(item.roomQuestion ?? "", QUESTION_CHARS)}`,
            position: item.roomPosition ?? Number.MAX_SAFE_INTEGER - 1,
            items: [],
          }
        : { key: "", heading: "Meetings and club news", position: Number.MAX_SAFE_INTEGER, items: [] };
      club.rooms.push(room);
    }
    room.items.push(item);
  }
  const groups = [...clubs.values()].sort((a, b) => a.name.localeCompare(b.name));
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

function subjectOf(input: NotificationEmailInput, groups: ClubGroup[]): string {
  const count = input.items.length;
  const where = groups.length === 1 ? `in ${groups[0]?.name ?? ""}` : `in ${groups.length} clubs`;
  if (input.type === "digest") return oneLine(`Your daily digest: ${count} new ${where}`);
  const [only] = input.items;
  if (count === 1 && only) return shorten(only.title, 150);
  return oneLine(`${count} new notifications ${where}`);
}

function listKinds(kinds: string[]): string {
  const labels = kinds.map((kind) => kindLabel(kind).toLowerCase());
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}

/**
 * The email for a member: subject, plain text and HTML, grouped by club and room, each item
 * with its link, and a footer with the settings page and the one-click unsubscribe link.
 */
export function notificationEmail(input: NotificationEmailInput): NotificationEmail {
  const groups = groupByClubAndRoom(input.items);
  const settingsUrl = `${input.baseUrl.replace(/\/+$/, "")}/profile#notifications`;
  const intro =
    input.type === "digest" ? "Here is what happened in your clubs since your last digest." : "Here is what's new for you in your clubs.";
  const footer = `You get this email for ${listKinds(input.kinds)}.`;

  const text: string[] = [`Hello ${oneLine(input.recipientName)},`, "", intro, ""];
  for (const club of groups) {
    text.push(club.name, "=".repeat(Math.min(club.name.length, 60)));
    for (const room of club.rooms) {
      text.push("", room.heading);
      for (const item of room.items) {
        text.push(`  - ${oneLine(item.title)}`);
        if (item.body.trim()) text.push(`    ${shorten(item.body, BODY_CHARS)}`);
        const link = absoluteLink(input.baseUrl, item.url);
        if (link) text.push(`    ${link}`);
      }
    }
    text.push("");
  }
  text.push("--", footer, `Choose what reaches your inbox: ${settingsUrl}`, `Unsubscribe from these emails: ${input.unsubscribeUrl}`, "");

  const html: string[] = [
    '<!doctype html><html><body style="font-family: Georgia, serif; color: #1f2933; line-height: 1.5; max-width: 40rem;">',
    `<p>Hello ${escapeHtml(oneLine(input.recipientName))},</p>`,
    `<p>${escapeHtml(intro)}</p>`,
  ];
  for (const club of groups) {
    html.push(`<h2 style="font-size: 1.25rem; margin: 1.5rem 0 0.5rem;">${escapeHtml(club.name)}</h2>`);
    for (const room of club.rooms) {
      html.push(`<h3 style="font-size: 1rem; margin: 1rem 0 0.25rem;">${escapeHtml(room.heading)}</h3>`, "<ul>");
      for (const item of room.items) {
        const link = absoluteLink(input.baseUrl, item.url);
        const title = escapeHtml(oneLine(item.title));
        html.push(
          "<li>",
          link ? `<a href="${escapeHtml(link)}">${title}</a>` : title,
          item.body.trim() ? `<br><span style="color: #52606d;">${escapeHtml(shorten(item.body, BODY_CHARS))}</span>` : "",
          "</li>",
        );
      }
      html.push("</ul>");
    }
  }
  html.push(
    '<hr style="border: none; border-top: 1px solid #d9d4c7; margin-top: 2rem;">',
    `<p style="font-size: 0.875rem; color: #52606d;">${escapeHtml(footer)} ` +
      `<a href="${escapeHtml(settingsUrl)}">Choose what reaches your inbox</a> or ` +
      `<a href="${escapeHtml(input.unsubscribeUrl)}">unsubscribe from these emails</a>.</p>`,
    "</body></html>",
  );

  return { subject: subjectOf(input, groups), text: text.join("\n"), html: html.join("\n") };
}
