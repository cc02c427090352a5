-- Appends one audit event to the hash chain in a single statement: takes the chain's lock, reads the
-- last link, numbers the event and stores it with its hash. The hash is the one decision 004 defines,
-- sha256(prev_hash || '\n' || canonical JSON of the fields): the application sends the canonical JSON
-- of every field but the number, which sorts last ("seq"), and the number is written in here.
-- Each statement of a PL/pgSQL function reads with a fresh snapshot, so the last link is read after
-- the lock is held. Outside a transaction the lock is held only for this statement and its commit.
CREATE OR REPLACE FUNCTION audit_append(
  p_at timestamptz,
  p_organisation_id uuid,
  p_centre_id uuid,
  p_actor_user_id uuid,
  p_actor_label text,
  p_action text,
  p_resource_type text,
  p_resource_id text,
  p_outcome text,
  p_request_id text,
  p_client_address text,
  p_detail jsonb,
  p_body_before_seq text
) RETURNS bigint AS $$
DECLARE
  v_prev text;
  v_seq bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(727274002);
  SELECT hash INTO v_prev FROM audit_events ORDER BY seq DESC LIMIT 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  v_seq := nextval(pg_get_serial_sequence('audit_events', 'seq'));
  INSERT INTO audit_events (seq, at, organisation_id, centre_id, actor_user_id, actor_label, action,
      resource_type, resource_id, outcome, request_id, client_address, detail, prev_hash, hash)
    VALUES (v_seq, p_at, p_organisation_id, p_centre_id, p_actor_user_id, p_actor_label, p_action,
      p_resource_type, p_resource_id, p_outcome, p_request_id, p_client_address, p_detail, v_prev,
      encode(digest(v_prev || E'\n' || p_body_before_seq || ',"seq":' || v_seq::text || '}', 'sha256'), 'hex'));
  RETURN v_seq;
END;
$$ LANGUAGE plpgsql;
