CREATE TABLE "member_email_state" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"last_batch_at" timestamp with time zone,
	"last_digest_on" date
);
--> statement-breakpoint
ALTER TABLE "member_email_state" ADD CONSTRAINT "member_email_state_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_email_pending_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."emailed_at" is null;--> statement-breakpoint
-- Notifications from before email was per member were emailed (reminders) or never meant to be:
-- the new email worker must not send them now.
UPDATE "notifications" SET "emailed_at" = "created_at" WHERE "emailed_at" IS NULL;
