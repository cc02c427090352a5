CREATE TABLE "centre_rule_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by_user_id" uuid,
	CONSTRAINT "centre_rule_versions_once" UNIQUE("centre_id","version")
);
--> statement-breakpoint
CREATE TABLE "centre_settings" (
	"centre_id" uuid PRIMARY KEY NOT NULL,
	"review_after_sessions" integer DEFAULT 6 NOT NULL,
	"parental_consent_up_to_age" integer DEFAULT 16 NOT NULL,
	"separation_buffer_minutes" integer DEFAULT 15 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "centre_settings_review_6_to_8" CHECK ("centre_settings"."review_after_sessions" between 6 and 8),
	CONSTRAINT "centre_settings_consent_age" CHECK ("centre_settings"."parental_consent_up_to_age" between 12 and 18),
	CONSTRAINT "centre_settings_buffer" CHECK ("centre_settings"."separation_buffer_minutes" between 0 and 120)
);
--> statement-breakpoint
CREATE TABLE "child_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"child_person_id" uuid NOT NULL,
	"given_by_person_id" uuid NOT NULL,
	"given_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "contact_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"service_type" text NOT NULL,
	"recurrence" jsonb NOT NULL,
	"length_minutes" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"attendee_person_ids" jsonb NOT NULL,
	"timings" jsonb NOT NULL,
	"handover" text,
	"first_review_after_sessions" integer NOT NULL,
	"special_conditions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"agreed_by_user_id" uuid,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "contact_plans_version" UNIQUE("case_id","version"),
	CONSTRAINT "contact_plans_length" CHECK ("contact_plans"."length_minutes" between 15 and 600),
	CONSTRAINT "contact_plans_review" CHECK ("contact_plans"."first_review_after_sessions" between 6 and 8)
);
--> statement-breakpoint
CREATE TABLE "intake_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"place" text,
	"staff_user_id" uuid,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"attended_person_ids" jsonb,
	"outcome" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"factors" jsonb NOT NULL,
	"level" text NOT NULL,
	"decision" text NOT NULL,
	"conditions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assessed_by_user_id" uuid,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "risk_assessments_version" UNIQUE("case_id","version")
);
--> statement-breakpoint
CREATE TABLE "rule_acceptance_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"rule_version_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_user_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rule_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"rule_version_id" uuid NOT NULL,
	"method" text NOT NULL,
	"witnessed_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_acceptances_once" UNIQUE("person_id","rule_version_id"),
	CONSTRAINT "rule_acceptances_witnessed_in_person" CHECK (("rule_acceptances"."method" = 'in_person') = ("rule_acceptances"."witnessed_by_user_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "centre_rule_versions" ADD CONSTRAINT "centre_rule_versions_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_rule_versions" ADD CONSTRAINT "centre_rule_versions_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_settings" ADD CONSTRAINT "centre_settings_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_consents" ADD CONSTRAINT "child_consents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_consents" ADD CONSTRAINT "child_consents_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_consents" ADD CONSTRAINT "child_consents_child_person_id_case_people_id_fk" FOREIGN KEY ("child_person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_consents" ADD CONSTRAINT "child_consents_given_by_person_id_case_people_id_fk" FOREIGN KEY ("given_by_person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_consents" ADD CONSTRAINT "child_consents_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_plans" ADD CONSTRAINT "contact_plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_plans" ADD CONSTRAINT "contact_plans_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_plans" ADD CONSTRAINT "contact_plans_agreed_by_user_id_users_id_fk" FOREIGN KEY ("agreed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_visits" ADD CONSTRAINT "intake_visits_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_visits" ADD CONSTRAINT "intake_visits_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_visits" ADD CONSTRAINT "intake_visits_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_visits" ADD CONSTRAINT "intake_visits_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_assessed_by_user_id_users_id_fk" FOREIGN KEY ("assessed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_acceptance_links" ADD CONSTRAINT "rule_acceptance_links_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_acceptance_links" ADD CONSTRAINT "rule_acceptance_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_acceptance_links" ADD CONSTRAINT "rule_acceptance_links_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_acceptance_links" ADD CONSTRAINT "rule_acceptance_links_rule_version_id_centre_rule_versions_id_fk" FOREIGN KEY ("rule_version_id") REFERENCES "public"."centre_rule_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_acceptance_links" ADD CONSTRAINT "rule_acceptance_links_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_acceptances" ADD CONSTRAINT "rule_acceptances_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_acceptances" ADD CONSTRAINT "rule_acceptances_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_acceptances" ADD CONSTRAINT "rule_acceptances_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_acceptances" ADD CONSTRAINT "rule_acceptances_rule_version_id_centre_rule_versions_id_fk" FOREIGN KEY ("rule_version_id") REFERENCES "public"."centre_rule_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_acceptances" ADD CONSTRAINT "rule_acceptances_witnessed_by_user_id_users_id_fk" FOREIGN KEY ("witnessed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intake_visits_case" ON "intake_visits" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rule_acceptance_links_token" ON "rule_acceptance_links" USING btree ("token_hash");