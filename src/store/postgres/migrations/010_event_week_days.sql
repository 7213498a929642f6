-- A stored event date that names no calendar day ("2023-02-29", read before the time stage checked the month's
-- length) gives the week '' like any other non-day, instead of failing the cast and with it the article's whole
-- transaction (SQLite's date() already returns NULL there, see its 010).
CREATE OR REPLACE FUNCTION record_event_week(d TEXT) RETURNS TEXT LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF d IS NULL OR d !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN
    RETURN '';
  END IF;
  RETURN to_char(date_trunc('week', substr(d, 1, 10)::date), 'YYYY-MM-DD');
EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
  RETURN '';
END
$$;
