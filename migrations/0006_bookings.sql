CREATE TABLE "booking_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"planned_arrive_at" timestamp with time zone NOT NULL,
	"planned_leave_at" timestamp with time zone NOT NULL,
	"brought_by_person_id" uuid,
	"arrived_at" timestamp with time zone,
	"arrival_recorded_by_user_id" uuid,
	"left_at" timestamp with time zone,
	"departure_recorded_by_user_id" uuid,
	CONSTRAINT "booking_people_once" UNIQUE("booking_id","person_id"),
	CONSTRAINT "booking_people_times" CHECK ("booking_people"."planned_leave_at" > "booking_people"."planned_arrive_at")
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"plan_id" uuid,
	"venue_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"service_type" text NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"exclusive" boolean NOT NULL,
	"headcount" integer NOT NULL,
	"supervisor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by_user_id" uuid,
	"cancelled_by" text,
	"cancelled_by_person_id" uuid,
	"cancellation_reason" text,
	"notice_hours" integer,
	CONSTRAINT "bookings_times" CHECK ("bookings"."ends_at" > "bookings"."starts_at"),
	CONSTRAINT "bookings_headcount" CHECK ("bookings"."headcount" > 0),
	CONSTRAINT "bookings_cancelled_has_reason" CHECK (("bookings"."status" = 'cancelled') = ("bookings"."cancelled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "separation_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"person_a_id" uuid NOT NULL,
	"person_b_id" uuid NOT NULL,
	"minutes" integer NOT NULL,
	"source" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_user_id" uuid,
	"ended_at" timestamp with time zone,
	CONSTRAINT "separation_pairs_ordered" CHECK ("separation_pairs"."person_a_id" < "separation_pairs"."person_b_id"),
	CONSTRAINT "separation_pairs_minutes" CHECK ("separation_pairs"."minutes" between 0 and 240)
);
--> statement-breakpoint
CREATE TABLE "separation_windows" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"centre_id" uuid NOT NULL,
	"pair_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "separation_windows_times" CHECK ("separation_windows"."ends_at" > "separation_windows"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "booking_people" ADD CONSTRAINT "booking_people_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_people" ADD CONSTRAINT "booking_people_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_people" ADD CONSTRAINT "booking_people_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_people" ADD CONSTRAINT "booking_people_brought_by_person_id_case_people_id_fk" FOREIGN KEY ("brought_by_person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_people" ADD CONSTRAINT "booking_people_arrival_recorded_by_user_id_users_id_fk" FOREIGN KEY ("arrival_recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_people" ADD CONSTRAINT "booking_people_departure_recorded_by_user_id_users_id_fk" FOREIGN KEY ("departure_recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_plan_id_contact_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."contact_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_supervisor_user_id_users_id_fk" FOREIGN KEY ("supervisor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_cancelled_by_user_id_users_id_fk" FOREIGN KEY ("cancelled_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_cancelled_by_person_id_case_people_id_fk" FOREIGN KEY ("cancelled_by_person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "separation_pairs" ADD CONSTRAINT "separation_pairs_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "separation_pairs" ADD CONSTRAINT "separation_pairs_person_a_id_case_people_id_fk" FOREIGN KEY ("person_a_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "separation_pairs" ADD CONSTRAINT "separation_pairs_person_b_id_case_people_id_fk" FOREIGN KEY ("person_b_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "separation_pairs" ADD CONSTRAINT "separation_pairs_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "separation_windows" ADD CONSTRAINT "separation_windows_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "separation_windows" ADD CONSTRAINT "separation_windows_pair_id_separation_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."separation_pairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "separation_windows" ADD CONSTRAINT "separation_windows_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "separation_windows" ADD CONSTRAINT "separation_windows_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "separation_windows" ADD CONSTRAINT "separation_windows_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_people_person" ON "booking_people" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "bookings_centre_time" ON "bookings" USING btree ("centre_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_case_time" ON "bookings" USING btree ("case_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_room_time" ON "bookings" USING btree ("room_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "separation_pairs_active" ON "separation_pairs" USING btree ("person_a_id","person_b_id") WHERE "separation_pairs"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "separation_windows_booking" ON "separation_windows" USING btree ("booking_id");