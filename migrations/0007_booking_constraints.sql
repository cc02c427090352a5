-- What must never happen, refused by the database itself so that it holds under concurrent requests.
-- (Drizzle's schema language has no exclusion constraints; btree_gist gives uuid its = and <> here.)
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- A private room holds one family at a time.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_room_once"
  EXCLUDE USING gist ("room_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
  WHERE ("status" = 'booked' AND "exclusive");
--> statement-breakpoint
-- A family is in one session at a time.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_family_once"
  EXCLUDE USING gist ("case_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
  WHERE ("status" = 'booked');
--> statement-breakpoint
-- A supervisor supervises one family at a time.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_supervisor_once"
  EXCLUDE USING gist ("supervisor_user_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
  WHERE ("status" = 'booked' AND "supervisor_user_id" IS NOT NULL);
--> statement-breakpoint
-- Two adults who must not meet are never at one venue in overlapping stays (each widened by the pair's
-- minutes) across different bookings...
ALTER TABLE "separation_windows" ADD CONSTRAINT "separation_windows_stay_apart"
  EXCLUDE USING gist (
    "pair_id" WITH =, "venue_id" WITH =, "person_id" WITH <>, "booking_id" WITH <>,
    tstzrange("starts_at", "ends_at") WITH &&
  ) WHERE ("kind" = 'stay');
--> statement-breakpoint
-- ...and never come or go within the pair's minutes of each other.
ALTER TABLE "separation_windows" ADD CONSTRAINT "separation_windows_doors_apart"
  EXCLUDE USING gist (
    "pair_id" WITH =, "venue_id" WITH =, "person_id" WITH <>,
    tstzrange("starts_at", "ends_at") WITH &&
  ) WHERE ("kind" = 'door');
