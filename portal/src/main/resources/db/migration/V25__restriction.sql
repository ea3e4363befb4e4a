-- Restriction of processing (GDPR Art. 18): the person's record is kept as it is and left out of every processing
-- (mailings, consent invitations and reminders, notices, imports, edits) from this moment until the DPO lifts it.
alter table person add column restricted_since timestamptz;
alter table person add column restriction_reason text check (length(restriction_reason) <= 500);
alter table person add constraint person_restriction_has_reason check ((restricted_since is null) = (restriction_reason is null));

-- An objection or a withdrawal asked through a rights request turns purposes off as its own kind of decision.
alter table consent_decision drop constraint consent_decision_method_check;
alter table consent_decision add constraint consent_decision_method_check check (method in ('LINK', 'SIGN_IN', 'PAPER', 'REQUEST'));
