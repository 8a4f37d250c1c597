ALTER TABLE "session_agenda" RENAME TO "meeting_agenda";--> statement-breakpoint
ALTER TABLE "session_reminder_jobs" RENAME TO "meeting_reminder_jobs";--> statement-breakpoint
ALTER TABLE "sessions" RENAME TO "meetings";--> statement-breakpoint
ALTER TABLE "notifications" RENAME COLUMN "session_id" TO "meeting_id";--> statement-breakpoint
ALTER TABLE "rsvps" RENAME COLUMN "session_id" TO "meeting_id";--> statement-breakpoint
ALTER TABLE "meeting_agenda" RENAME COLUMN "session_id" TO "meeting_id";--> statement-breakpoint
ALTER TABLE "meeting_reminder_jobs" RENAME COLUMN "session_id" TO "meeting_id";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_session_id_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "rsvps" DROP CONSTRAINT "rsvps_session_id_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "meeting_agenda" DROP CONSTRAINT "session_agenda_session_id_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "meeting_agenda" DROP CONSTRAINT "session_agenda_room_id_rooms_id_fk";
--> statement-breakpoint
ALTER TABLE "meeting_reminder_jobs" DROP CONSTRAINT "session_reminder_jobs_session_id_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "meetings" DROP CONSTRAINT "sessions_club_id_clubs_id_fk";
--> statement-breakpoint
ALTER TABLE "meetings" DROP CONSTRAINT "sessions_book_id_books_id_fk";
--> statement-breakpoint
ALTER TABLE "meetings" DROP CONSTRAINT "sessions_current_room_id_rooms_id_fk";
--> statement-breakpoint
ALTER TABLE "meetings" DROP CONSTRAINT "sessions_created_by_id_users_id_fk";
--> statement-breakpoint
DROP INDEX "sessions_club_starts_idx";--> statement-breakpoint
ALTER TABLE "rsvps" DROP CONSTRAINT "rsvps_session_id_user_id_pk";--> statement-breakpoint
ALTER TABLE "meeting_agenda" DROP CONSTRAINT "session_agenda_session_id_room_id_pk";--> statement-breakpoint
ALTER TABLE "meeting_reminder_jobs" DROP CONSTRAINT "session_reminder_jobs_session_id_kind_pk";--> statement-breakpoint
ALTER TABLE "rsvps" ADD CONSTRAINT "rsvps_meeting_id_user_id_pk" PRIMARY KEY("meeting_id","user_id");--> statement-breakpoint
ALTER TABLE "meeting_agenda" ADD CONSTRAINT "meeting_agenda_meeting_id_room_id_pk" PRIMARY KEY("meeting_id","room_id");--> statement-breakpoint
ALTER TABLE "meeting_reminder_jobs" ADD CONSTRAINT "meeting_reminder_jobs_meeting_id_kind_pk" PRIMARY KEY("meeting_id","kind");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rsvps" ADD CONSTRAINT "rsvps_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda" ADD CONSTRAINT "meeting_agenda_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda" ADD CONSTRAINT "meeting_agenda_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_reminder_jobs" ADD CONSTRAINT "meeting_reminder_jobs_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_book_id_books_id_fk" FOREIGN KEY ("book_id") REFERENCES "public"."books"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_current_room_id_rooms_id_fk" FOREIGN KEY ("current_room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meetings_club_starts_idx" ON "meetings" USING btree ("club_id","starts_at");--> statement-breakpoint
-- Written by hand after generation: drizzle-kit leaves the primary key's index named after the
-- old table, and notifications already sent keep the kind they were written with.
ALTER INDEX "sessions_pkey" RENAME TO "meetings_pkey";--> statement-breakpoint
UPDATE "notifications" SET "kind" = 'meeting_reminder' WHERE "kind" = 'session_reminder';
