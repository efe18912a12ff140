"""processes/target-company-*.bpmn: a target company's lifecycle (programme guide §4.3, §6.3, §8.2, §10.4, §14).

Three models: the lifecycle (one instance per company and admission) calls the admission phase once and one
active year at a time, so that a multi-year agreement never runs on a model version older than a year.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from bpmn_layout import Process, call, service, user_task  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "processes")
OPERATOR = "=operatorGroup"

# ---- admission phase ---------------------------------------------------------------------------------------------
a = Process("target-company-admission", "Opptak av målbedrift",
            "Behovskartlegging, kvalifisering etter GBER (SMB, kategori, unntak, vansker), egenerklæring signert på "
            "opptaksdatoen, målbedriftsavtale med utviklingsplan og støtteintensitet. Variabler inn: caseId, businessKey, "
            "operatorGroup. Ut: admitted, agreementEndAt, registerByAt.")
a.lane("lane-operator", "Programoperatøren", rows=2)
a.lane("lane-siva", "Siva", rows=1)
O, S = "lane-operator", "lane-siva"
a.node("startEvent", "opptak-startet", "Ny målbedrift", O, 0)
a.node("userTask", "kartlegge-behov", "Kartlegg behov og opplysninger for kvalifisering", O, 1,
       ext=user_task("malbedrift-kartlegging", OPERATOR))
a.node("serviceTask", "sjekke-kvalifisering", "Sjekk kvalifisering (SMB og GBER)", O, 2,
       ext=service("targetcompany.check-eligibility", 5))
a.node("exclusiveGateway", "kvalifisert", "Kvalifisert?", O, 3, attrs=' default="f-kvalifisert"')
a.node("userTask", "vurdere-kvalifisering", "Vurder kvalifiseringen manuelt", S, 4,
       ext=user_task("malbedrift-vurdering", "siva-saksbehandler"))
a.node("exclusiveGateway", "vurdering", "Godkjent?", S, 5, attrs=' default="f-vurdert-ja"')
a.node("userTask", "egenerklaering", "Innhent signert egenerklæring", O, 6,
       ext=user_task("malbedrift-egenerklaering", OPERATOR))
a.node("userTask", "avtale-og-plan", "Inngå målbedriftsavtale og utviklingsplan", O, 7,
       ext=user_task("malbedrift-avtale", OPERATOR))
a.node("serviceTask", "registrere-opptak", "Registrer opptaket og planlegg undersøkelser", O, 8,
       ext=service("targetcompany.admitted"))
a.node("endEvent", "tatt-opp", "Tatt opp", O, 9)
a.node("serviceTask", "registrere-avslag", "Registrer at bedriften ikke kan tas opp", O, 6, row=1,
       ext=service("targetcompany.refused"))
a.node("endEvent", "ikke-kvalifisert", "Ikke kvalifisert", O, 7, row=1)
a.flow("a1", "opptak-startet", "kartlegge-behov")
a.flow("a2", "kartlegge-behov", "sjekke-kvalifisering")
a.flow("a3", "sjekke-kvalifisering", "kvalifisert")
a.flow("f-kvalifisert", "kvalifisert", "egenerklaering", "Ja")
a.flow("f-vurderes", "kvalifisert", "vurdere-kvalifisering", "Vurderes", '=eligibility = "REVIEW"')
a.flow("f-avvist", "kvalifisert", "registrere-avslag", "Nei", '=eligibility = "REFUSED"')
a.flow("a4", "vurdere-kvalifisering", "vurdering")
a.flow("f-vurdert-ja", "vurdering", "egenerklaering", "Ja")
a.flow("f-vurdert-nei", "vurdering", "registrere-avslag", "Nei", "=reviewApproved = false")
a.flow("a5", "egenerklaering", "avtale-og-plan")
a.flow("a6", "avtale-og-plan", "registrere-opptak")
a.flow("a7", "registrere-opptak", "tatt-opp")
a.flow("a8", "registrere-avslag", "ikke-kvalifisert")
a.write(os.path.join(OUT, "target-company-admission.bpmn"))

# ---- one year of the active period ------------------------------------------------------------------------------
y = Process("target-company-active-year", "Et år i aktiv periode",
            "Ett avtaleår: kontroll mot Enhetsregisteret, årlig utviklingssamtale, fornyelse av egenerklæringen før "
            "to år, og året slutter på årsdagen for avtalestart eller ved avtaleslutt. Variabler inn: caseId, "
            "businessKey, operatorGroup. Ut: agreementOver.")
y.lane("lane-operator", "Programoperatøren", rows=3)
O = "lane-operator"
y.node("startEvent", "ar-startet", "Avtaleåret starter", O, 0)
y.node("serviceTask", "planlegge-aret", "Planlegg året og kontroller Enhetsregisteret", O, 1,
       ext=service("targetcompany.plan-year", 5))
y.node("exclusiveGateway", "konkurs", "Konkurs?", O, 2, attrs=' default="f-ikke-konkurs"')
y.error_end("konkurs-slutt", "Konkurs", O, 3, 2, "KONKURS")
y.node("parallelGateway", "ar-split", None, O, 3)
y.node("userTask", "utviklingssamtale", "Gjennomfør årlig utviklingssamtale", O, 5, row=0,
       ext=user_task("malbedrift-utviklingssamtale", OPERATOR, "=dialogueDueAt"))
y.node("exclusiveGateway", "fornye", "Fornye egenerklæring i år?", O, 4, row=1, attrs=' default="f-ikke-fornye"')
y.timer_catch("fornyelse-varsel", "Fornyelse nærmer seg", O, 5, 1, "timeDate", "=date and time(renewalReminderAt)")
y.node("serviceTask", "minne-om-fornyelse", "Minn operatøren på fornyelsen", O, 6, row=1,
       ext=service("targetcompany.remind-renewal"))
y.node("userTask", "fornye-egenerklaering", "Forny egenerklæringen", O, 7, row=1,
       ext=user_task("malbedrift-egenerklaering", OPERATOR, "=renewalDueAt"))
y.node("exclusiveGateway", "fornye-ferdig", None, O, 8, row=1)
y.timer_catch("aret-er-omme", "Året er omme", O, 5, 2, "timeDate", "=date and time(yearEndAt)")
y.node("parallelGateway", "ar-join", None, O, 9)
y.node("endEvent", "ar-slutt", "Året er avsluttet", O, 10)
y.flow("y1", "ar-startet", "planlegge-aret")
y.flow("y2", "planlegge-aret", "konkurs")
y.flow("f-konkurs", "konkurs", "konkurs-slutt", "Ja", "=bankrupt = true")
y.flow("f-ikke-konkurs", "konkurs", "ar-split", "Nei")
y.flow("y3", "ar-split", "utviklingssamtale")
y.flow("y4", "ar-split", "fornye")
y.flow("y5", "ar-split", "aret-er-omme")
y.flow("f-fornye", "fornye", "fornyelse-varsel", "Ja", "=renewalThisYear = true")
y.flow("f-ikke-fornye", "fornye", "fornye-ferdig", "Nei")
y.flow("y6", "fornyelse-varsel", "minne-om-fornyelse")
y.flow("y6b", "minne-om-fornyelse", "fornye-egenerklaering")
y.flow("y7", "fornye-egenerklaering", "fornye-ferdig")
y.flow("y8", "fornye-ferdig", "ar-join")
y.flow("y9", "utviklingssamtale", "ar-join")
y.flow("y10", "aret-er-omme", "ar-join")
y.flow("y11", "ar-join", "ar-slutt")
y.write(os.path.join(OUT, "target-company-active-year.bpmn"))

# ---- the lifecycle ------------------------------------------------------------------------------------------------
p = Process("target-company-lifecycle", "Målbedriftens livsløp",
            "Fra opptak til exit (programveilederen §4.3, §6.3, §8.2, §14): opptaksfasen, ett avtaleår om gangen, "
            "exit ved planlagt avtaleslutt, tidlig avslutning, tap av SMB-status, oppkjøp, konkurs eller når "
            "operatøren selv avsluttes (meldingen malbedrift-exit), registrering i portalen og exit-undersøkelse. "
            "Variabler: caseId, businessKey (org.nr.), operatorGroup, admitted, agreementOver, exitReason.")
p.lane("lane-operator", "Programoperatøren", rows=3)
O = "lane-operator"
inout = {"caseId": "=caseId", "businessKey": "=businessKey", "operatorGroup": "=operatorGroup", "operatorId": "=operatorId"}
p.node("startEvent", "malbedrift-registrert", "Målbedrift registrert", O, 0)
p.node("callActivity", "opptak", "Opptak av målbedrift", O, 1,
       ext=call("target-company-admission", inout, {"admitted": "=admitted", "registerByAt": "=registerByAt"}))
p.node("exclusiveGateway", "tatt-opp", "Tatt opp?", O, 2, attrs=' default="f-tatt-opp"')
p.node("endEvent", "ikke-tatt-opp", "Ikke tatt opp", O, 3, row=2)
p.node("parallelGateway", "aktiv-start", None, O, 3)
p.node("userTask", "registrere-opptak-portal", "Registrer opptaket i Flerbedriftsportalen", O, 4, row=1,
       ext=user_task("malbedrift-portal", OPERATOR, "=registerByAt"))
p.node("endEvent", "opptak-registrert", "Opptaket registrert", O, 5, row=1)
p.node("callActivity", "aktivt-ar", "Et år i aktiv periode", O, 5,
       ext=call("target-company-active-year", dict(inout, yearNo="=if yearNo = null then 0 else yearNo + 1"),
                {"agreementOver": "=agreementOver", "yearNo": "=yearNo"}))
p.boundary("exit-melding", "Avsluttes", "aktivt-ar", message=("malbedrift-exit", "=string(caseId)"), cancel=True, slot=0)
p.boundary("konkurs", "Konkurs", "aktivt-ar", error="KONKURS", cancel=True, slot=1)
p.node("exclusiveGateway", "avtale-slutt", "Avtalen utløpt?", O, 6, attrs=' default="f-nytt-ar"')
p.node("serviceTask", "avslutte-avtale", "Avslutt avtalen og planlegg exit-undersøkelsen", O, 7,
       ext=service("targetcompany.exit"))
p.node("serviceTask", "avslutte-konkurs", "Avslutt avtalen: konkurs", O, 7, row=2,
       ext=service("targetcompany.exit", headers={"exitReason": "BANKRUPTCY"}))
p.node("userTask", "registrere-exit-portal", "Registrer avtaleslutt i Flerbedriftsportalen", O, 8,
       ext=user_task("malbedrift-portal", OPERATOR, "=exitRegisterByAt"))
p.timer_catch("exit-undersokelse", "Exit-undersøkelsen sendes", O, 9, 0, "timeDate", "=date and time(exitSurveyAt)")
p.node("serviceTask", "bestille-exit-undersokelse", "Meld bedriften til exit-undersøkelsen", O, 10,
       ext=service("targetcompany.exit-survey"))
p.node("endEvent", "avsluttet", "Ute av programmet", O, 11)
p.flow("p1", "malbedrift-registrert", "opptak")
p.flow("p2", "opptak", "tatt-opp")
p.flow("f-tatt-opp", "tatt-opp", "aktiv-start", "Ja")
p.flow("f-ikke-tatt-opp", "tatt-opp", "ikke-tatt-opp", "Nei", "=admitted = false")
p.flow("p3", "aktiv-start", "registrere-opptak-portal")
p.flow("p4", "registrere-opptak-portal", "opptak-registrert")
p.flow("p5", "aktiv-start", "aktivt-ar")
p.flow("p6", "aktivt-ar", "avtale-slutt")
p.flow("f-utlopt", "avtale-slutt", "avslutte-avtale", "Ja", "=agreementOver = true")
p.flow("f-nytt-ar", "avtale-slutt", "aktivt-ar", "Nytt år")
p.flow("p7", "exit-melding", "avslutte-avtale")
p.flow("p8", "konkurs", "avslutte-konkurs")
p.flow("p9", "avslutte-konkurs", "registrere-exit-portal")
p.flow("p10", "avslutte-avtale", "registrere-exit-portal")
p.flow("p11", "registrere-exit-portal", "exit-undersokelse")
p.flow("p12", "exit-undersokelse", "bestille-exit-undersokelse")
p.flow("p13", "bestille-exit-undersokelse", "avsluttet")
p.write(os.path.join(OUT, "target-company-lifecycle.bpmn"))
