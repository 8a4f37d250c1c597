CREATE TABLE "reply_reveals" (
	"user_id" uuid NOT NULL,
	"reply_id" uuid NOT NULL,
	"revealed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reply_reveals_user_id_reply_id_pk" PRIMARY KEY("user_id","reply_id")
);
--> statement-breakpoint
ALTER TABLE "replies" ADD COLUMN "spoiler_level" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reply_reveals" ADD CONSTRAINT "reply_reveals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_reveals" ADD CONSTRAINT "reply_reveals_reply_id_replies_id_fk" FOREIGN KEY ("reply_id") REFERENCES "public"."replies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reply_reveals_reply_idx" ON "reply_reveals" USING btree ("reply_id");