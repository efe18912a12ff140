-- The amount an obligation reports: the budget for next year, the auditor-confirmed costs of last year (NOK).
alter table reporting_obligation add column amount_nok numeric(16,2);
