/**
 * Every message Chapterhouse shows, per locale and namespace, as next-intl reads them (ICU
 * message syntax: https://next-intl.dev/docs/usage/messages). One JSON file per namespace and
 * locale under messages/<locale>/; English is the reference whose keys the types follow, and
 * tests/unit/i18n-messages.test.ts fails when a key exists in one language and not the other.
 */
import en_common from "./messages/en/common.json";
import en_auth from "./messages/en/auth.json";
import en_home from "./messages/en/home.json";
import en_profile from "./messages/en/profile.json";
import en_notifications from "./messages/en/notifications.json";
import en_invite from "./messages/en/invite.json";
import en_discussion from "./messages/en/discussion.json";
import en_meeting from "./messages/en/meeting.json";
import en_club from "./messages/en/club.json";
import en_book from "./messages/en/book.json";
import en_errors from "./messages/en/errors.json";
import en_email from "./messages/en/email.json";
import en_calendar from "./messages/en/calendar.json";
import en_polls from "./messages/en/polls.json";
import en_search from "./messages/en/search.json";
import en_export from "./messages/en/export.json";
import es_common from "./messages/es/common.json";
import es_auth from "./messages/es/auth.json";
import es_home from "./messages/es/home.json";
import es_profile from "./messages/es/profile.json";
import es_notifications from "./messages/es/notifications.json";
import es_invite from "./messages/es/invite.json";
import es_discussion from "./messages/es/discussion.json";
import es_meeting from "./messages/es/meeting.json";
import es_club from "./messages/es/club.json";
import es_book from "./messages/es/book.json";
import es_errors from "./messages/es/errors.json";
import es_email from "./messages/es/email.json";
import es_calendar from "./messages/es/calendar.json";
import es_polls from "./messages/es/polls.json";
import es_search from "./messages/es/search.json";
import es_export from "./messages/es/export.json";

import type { Locale } from "./locales";

const en = {
  common: en_common,
  auth: en_auth,
  home: en_home,
  profile: en_profile,
  notifications: en_notifications,
  invite: en_invite,
  discussion: en_discussion,
  meeting: en_meeting,
  club: en_club,
  book: en_book,
  errors: en_errors,
  email: en_email,
  calendar: en_calendar,
  polls: en_polls,
  search: en_search,
  export: en_export,
};

/** The shape of every locale's messages: the English files' keys. */
export type Messages = typeof en;

const es: Messages = {
  common: es_common,
  auth: es_auth,
  home: es_home,
  profile: es_profile,
  notifications: es_notifications,
  invite: es_invite,
  discussion: es_discussion,
  meeting: es_meeting,
  club: es_club,
  book: es_book,
  errors: es_errors,
  email: es_email,
  calendar: es_calendar,
  polls: es_polls,
  search: es_search,
  export: es_export,
};

/** All messages, by locale. */
export const messagesByLocale: Record<Locale, Messages> = { en, es };
