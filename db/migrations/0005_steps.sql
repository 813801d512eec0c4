ALTER TABLE "runs" ADD COLUMN "current_step" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "steps_shown" jsonb DEFAULT '{}'::jsonb NOT NULL;