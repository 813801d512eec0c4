CREATE TABLE "players" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "players_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"run_id" integer NOT NULL,
	"voter_id" text NOT NULL,
	"number" integer NOT NULL,
	"nickname" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "players_run_id_voter_id_unique" UNIQUE("run_id","voter_id"),
	CONSTRAINT "players_run_id_number_unique" UNIQUE("run_id","number")
);
--> statement-breakpoint
ALTER TABLE "polls" ADD COLUMN "closes_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "polls" ADD COLUMN "correct_shown_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "players" ADD CONSTRAINT "players_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "players_run_id_nickname_unique" ON "players" USING btree ("run_id",lower("nickname")) WHERE nickname is not null;