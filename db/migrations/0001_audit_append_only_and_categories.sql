-- The audit trail is append-only: any UPDATE or DELETE of an audit row aborts.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE is not allowed');
END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: DELETE is not allowed');
END;
--> statement-breakpoint
-- Personal-data categories from the seed privacy notice (editable afterwards).
INSERT INTO data_category (id, label, description, sort_order) VALUES
  ('contact', 'Contact information', 'Name, telephone number, postal and e-mail address.', 10),
  ('organisation_billing', 'Organisation and billing/payment data', 'Company name, job title, department, country, work location, billing and payment information.', 20),
  ('social_media', 'Social media data', 'Social media handles, content and other data shared through social media pages.', 30),
  ('online_identifiers', 'Online identifiers and device data', 'IP address, cookie identifiers, browser and device information, browsing actions and usage patterns.', 40),
  ('user_generated_content', 'User-generated content', 'Product preferences, comments, questions and answers, enquiries submitted through forms.', 50),
  ('health_via_hcp', 'Health data received via healthcare professionals', 'Data about individuals obtained through healthcare professional users of products and services (special-category data).', 60);
