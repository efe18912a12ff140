-- Issue 21, rule 9: the EU taxonomy per environmental objective (EU1-EU6), positive effect and significant harm recorded
-- separately (guide, vedlegg 4: «Det skal også registreres om bedriften bidrar til vesentlig … skade på noen av de samme
-- målene»). The old single answer stays readable: 'positiv' and 'skade' did not say which objective.
alter table development_dialogue add column taxonomy_positive varchar(40) not null default '';
alter table development_dialogue add column taxonomy_harm varchar(40) not null default '';
alter table development_dialogue alter column taxonomy drop not null;
