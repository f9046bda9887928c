-- Processing purposes from the seed privacy notice (editable afterwards).
INSERT INTO purpose (id, label, sort_order) VALUES
  ('provide_services', 'Provide products and services', 10),
  ('fulfil_transactions', 'Process and fulfil transactions', 20),
  ('customer_support', 'Communicate, respond to inquiries, customer support and claims', 30),
  ('improve_business', 'Operate, evaluate and improve products and business (incl. analytics, accounting, auditing)', 40),
  ('market_research', 'Market research and customer surveys', 50),
  ('advertising', 'Advertise and market products and services', 60),
  ('ad_effectiveness', 'Determine the effectiveness of advertising and marketing', 70),
  ('security', 'Safety and security of the site, products and services; prevent misuse', 80),
  ('business_records', 'Maintain business records', 90),
  ('it_hosting', 'Data storage and information technology activities', 100),
  ('legal_claims', 'Exercise rights and remedies; defend against legal claims', 110),
  ('fraud_prevention', 'Prevent fraud and other criminal activity, claims and liabilities', 120),
  ('legal_compliance', 'Comply with and enforce legal requirements, industry standards and policies', 130);
