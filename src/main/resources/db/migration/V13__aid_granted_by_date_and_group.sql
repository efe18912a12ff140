-- Issue 21: the state-aid rules by date (programme guide §4.3, §6.2, §14.5 and its change log).

-- The art. 28(4) cap is data with the date it took effect: EUR 200 000 per undertaking over three years, EUR 220 000
-- from 06.01.2025 (the guide's change log). Every grant is checked against the cap in force on its date.
create table aid_cap (
    valid_from  date primary key,
    cap_eur     numeric(14,2) not null check (cap_eur > 0),
    source      varchar(300) not null
);
insert into aid_cap (valid_from, cap_eur, source) values
    ('2014-07-01', 200000, 'GBER art. 28(4) (forordning (EU) nr. 651/2014)'),
    ('2025-01-06', 220000, 'Programveilederen, endringslogg 06.01.2025: 200 000 til 220 000 euro');

-- Aid granted (§14.5: «Opptaksdato i program anses som … den datoen bedriften fikk innvilget statsstøtte (uavhengig
-- av når NH/INK fakturerer bedriften)»). The agreement's grant is dated the admission date; an increase is a new grant
-- with its own date. The three-year cap is checked on grants; invoice lines are checked against what was granted.
create table aid_grant (
    id                  bigserial primary key,
    target_company_id   bigint not null references target_company(id),
    org_number          varchar(9) not null,
    granted_on          date not null,
    kind                varchar(20) not null check (kind in ('AGREEMENT', 'INCREASE')),
    amount_nok          numeric(14,2) not null check (amount_nok > 0),
    eur_rate            numeric(10,4) not null,
    amount_eur          numeric(14,2) not null,
    provisional_rate    boolean not null,
    description         varchar(500) not null,
    created_by          varchar(60) not null,
    created_at          timestamptz not null
);
create unique index aid_grant_one_agreement on aid_grant (target_company_id) where kind = 'AGREEMENT';
create index aid_grant_org_date on aid_grant (org_number, granted_on);

-- The undertaking that shares one cap (§6.2: «Dersom bedriften er del av et konsern, så må støtten regnes på
-- konsernnivå»): each target company's own org number and those of the enterprises linked to it (more than 50 %),
-- recorded at the eligibility check. Companies sharing an org number share the cap.
create table aid_group_member (
    target_company_id   bigint not null references target_company(id),
    org_number          varchar(9) not null,
    primary key (target_company_id, org_number)
);
create index aid_group_member_org on aid_group_member (org_number);

insert into aid_group_member (target_company_id, org_number) select id, org_number from target_company;

-- Lines recorded before grants existed: the aid they invoiced is taken as granted on the agreement's start.
insert into aid_grant (target_company_id, org_number, granted_on, kind, amount_nok, eur_rate, amount_eur,
                       provisional_rate, description, created_by, created_at)
select c.id, c.org_number, c.agreement_start, 'AGREEMENT', sum(l.aid_nok), max(l.eur_rate), sum(l.aid_eur), false,
       'Overført: fakturert støtte før innvilget støtte ble ført', 'system', min(l.created_at)
from target_company c join aid_ledger_line l on l.target_company_id = c.id
where c.agreement_start is not null
group by c.id, c.org_number, c.agreement_start
having sum(l.aid_nok) > 0;
