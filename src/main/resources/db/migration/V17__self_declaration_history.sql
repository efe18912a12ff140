-- Every self-declaration a target company has signed (§14.5: valid two years from its signing while the company stays
-- in the programme). Aid is given only on a day one of them covers: a renewal signed after the previous declaration
-- expired leaves the days between uncovered.
create table self_declaration (
    target_company_id bigint not null references target_company(id),
    signed_on         date not null,
    valid_until       date not null,
    primary key (target_company_id, signed_on)
);
insert into self_declaration (target_company_id, signed_on, valid_until)
    select id, self_declaration_signed_on, self_declaration_valid_until from target_company
    where self_declaration_signed_on is not null;
