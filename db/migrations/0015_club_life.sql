-- Search (docs/decisions/0026-search.md): text-search configurations per club language, both
-- unaccented so "cancion" finds "canción"; unaccent is a trusted extension (Postgres 13+), and
-- PGlite loads it from @electric-sql/pglite/contrib/unaccent.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION chapterhouse_en (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION chapterhouse_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION chapterhouse_es (COPY = spanish);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION chapterhouse_es ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;--> statement-breakpoint
-- A reply's searchable text: its body without inline spoilers (`||like this||`), which stay veiled
-- for every reader, so no search finds or shows them. Immutable, so a generated column may use it.
CREATE FUNCTION reply_search_text(body text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN regexp_replace(body, '\|\|.*?\|\|', ' ', 'g');--> statement-breakpoint
CREATE TYPE "public"."poll_kind" AS ENUM('question', 'next_book');--> statement-breakpoint
CREATE TYPE "public"."poll_voting" AS ENUM('single', 'multiple', 'ranked');--> statement-breakpoint
CREATE TABLE "poll_options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"poll_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"author" text,
	"link" text,
	"cover_url" text,
	"proposed_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poll_votes" (
	"poll_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"option_id" uuid NOT NULL,
	"rank" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "poll_votes_poll_id_user_id_option_id_pk" PRIMARY KEY("poll_id","user_id","option_id")
);
--> statement-breakpoint
CREATE TABLE "polls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" uuid NOT NULL,
	"kind" "poll_kind" NOT NULL,
	"question" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"voting" "poll_voting" NOT NULL,
	"max_choices" integer,
	"results_while_open" boolean DEFAULT true NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"proposals_open" boolean DEFAULT false NOT NULL,
	"closes_at" timestamp with time zone,
	"time_zone" text NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_id" uuid,
	"adopted_book_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "clubs" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "replies" ADD COLUMN "search_config" "regconfig" DEFAULT 'chapterhouse_en'::regconfig NOT NULL;--> statement-breakpoint
ALTER TABLE "replies" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector(search_config, reply_search_text(body))) STORED;--> statement-breakpoint
ALTER TABLE "poll_options" ADD CONSTRAINT "poll_options_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_options" ADD CONSTRAINT "poll_options_proposed_by_id_users_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_option_id_poll_options_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."poll_options"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_closed_by_id_users_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_adopted_book_id_books_id_fk" FOREIGN KEY ("adopted_book_id") REFERENCES "public"."books"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "poll_options_poll_idx" ON "poll_options" USING btree ("poll_id","position");--> statement-breakpoint
CREATE INDEX "poll_votes_option_idx" ON "poll_votes" USING btree ("option_id");--> statement-breakpoint
CREATE INDEX "polls_club_created_idx" ON "polls" USING btree ("club_id","created_at");--> statement-breakpoint
CREATE INDEX "replies_search_idx" ON "replies" USING gin ("search_vector");--> statement-breakpoint
-- Every reply is indexed in its club's language, however it is inserted (the app, the seed, the
-- bench's bulk loads). Stored generated columns are computed after BEFORE triggers, so the
-- vector uses the configuration set here. A club's language change rewrites its replies' config.
CREATE FUNCTION replies_search_config() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT CASE c.language WHEN 'es' THEN 'chapterhouse_es'::regconfig ELSE 'chapterhouse_en'::regconfig END
    INTO NEW.search_config
    FROM rooms r JOIN clubs c ON c.id = r.club_id
    WHERE r.id = NEW.room_id;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER replies_search_config BEFORE INSERT ON replies FOR EACH ROW EXECUTE FUNCTION replies_search_config();