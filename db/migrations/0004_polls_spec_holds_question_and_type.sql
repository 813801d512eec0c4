ALTER TABLE "polls" DROP CONSTRAINT "polls_type_check";--> statement-breakpoint
ALTER TABLE "polls" DROP COLUMN "question";--> statement-breakpoint
ALTER TABLE "polls" DROP COLUMN "type";--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_type_check" CHECK (spec->>'type' in ('single', 'multiple', 'words', 'scale', 'text'));