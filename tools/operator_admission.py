"""processes/operator-admission.bpmn: admission of a new operator via pilot project (programme guide §3, §12.2)."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from bpmn_layout import Process, service, user_task  # noqa: E402

p = Process("operator-admission", "Opptak av ny operatør via forprosjekt",
            "Programveilederen §3 og §12.2: fylkeskommunen gir Siva i oppdrag å gjennomføre et forprosjekt (eller et "
            "utvidelsesprosjekt for en eksisterende operatør); Siva vurderer selskapet og foreslår tilskuddsnivå; "
            "fylkeskommunen fatter vedtak; Siva tar opp operatøren, sender tilsagnsbrev, og operatøren gjennomfører "
            "oppstartsoppgavene. Variabler: caseId, businessKey (org.nr.), countyCode, projectType, pilotDue, "
            "pilotReminder1, pilotReminder2, countyReminderCycle, qualified, countyApproved, operatorId.")
p.lane("lane-fylke", "Fylkeskommunen", rows=2)
p.lane("lane-siva", "Siva", rows=5)
p.lane("lane-operator", "Programoperatøren", rows=3)

F, S, O = "lane-fylke", "lane-siva", "lane-operator"
p.node("startEvent", "oppdrag-registrert", "Oppdrag registrert", F, 0)
p.node("serviceTask", "sla-opp-enhetsregisteret", "Slå opp selskapet i Enhetsregisteret", S, 1, ext=service("admission.lookup-register", 5))
p.node("serviceTask", "varsle-siva", "Varsle Siva om oppdraget", S, 2, ext=service("admission.notify-commission"))
p.node("exclusiveGateway", "type-oppdrag", "Type oppdrag?", S, 3, attrs=' default="f-forprosjekt"')
p.node("userTask", "gjennomfore-forprosjekt", "Gjennomfør forprosjektet og vurder kriteriene", S, 4,
       ext=user_task("forprosjekt-vurdering", "siva-saksbehandler", "=pilotDue"))
p.boundary("paminnelse-forste", "Første påminnelse", "gjennomfore-forprosjekt",
           ("timeDate", "=date and time(pilotDue) - duration(pilotReminder1)"), slot=0)
p.boundary("paminnelse-andre", "Andre påminnelse", "gjennomfore-forprosjekt",
           ("timeDate", "=date and time(pilotDue) - duration(pilotReminder2)"), slot=1)
p.boundary("forprosjekt-forfalt", "Sluttdato passert", "gjennomfore-forprosjekt",
           ("timeDate", "=date and time(pilotDue)"), slot=2)
p.node("exclusiveGateway", "kvalifisert", "Kvalifisert?", S, 5, attrs=' default="f-ja"')
p.node("userTask", "foresla-tilskudd", "Foreslå tilskuddsnivå", S, 6, ext=user_task("tilskuddsforslag", "siva-saksbehandler"))
p.node("serviceTask", "sende-forslag", "Send forslaget til fylkeskommunen", S, 7, ext=service("admission.send-proposal"))
p.node("userTask", "fylkets-vedtak", "Fatt vedtak om finansiering og opptak", F, 9,
       ext=user_task("fylkesvedtak", '=["fylke-" + countyCode]'))
p.boundary("paminnelse-fylket", "Vedtaket har ventet", "fylkets-vedtak", ("timeCycle", "=countyReminderCycle"), slot=0)
p.node("serviceTask", "paminne-fylket", "Minn fylkeskommunen på vedtaket", F, 11, row=1, ext=service("admission.remind-county"))
p.node("endEvent", "fylket-paminnet", "Påminnelse sendt", F, 12, row=1)
p.node("exclusiveGateway", "vedtak", "Vedtak?", F, 10, attrs=' default="f-godkjent"')

# Siva row 1: not qualified; row 2: expansion variant; rows 3-4: reminders and escalation of the pilot project
p.node("serviceTask", "sende-begrunnet-avslag", "Send begrunnet brev til fylkeskommune og selskap", S, 6, row=1,
       ext=service("admission.send-not-qualified"))
p.node("endEvent", "ikke-kvalifisert", "Ikke kvalifisert", S, 7, row=1)
p.node("userTask", "gjennomfore-utvidelse", "Gjennomfør utvidelsesprosjektet og gi anbefaling", S, 6, row=2,
       ext=user_task("utvidelse-anbefaling", "siva-saksbehandler", "=pilotDue"))
p.node("serviceTask", "sende-anbefaling", "Send anbefalingen til fylkeskommunen", S, 7, row=2, ext=service("admission.send-recommendation"))
p.node("endEvent", "anbefaling-gitt", "Anbefaling om videreføring gitt", S, 8, row=2)
p.node("serviceTask", "paminne-saksbehandler", "Minn saksbehandleren på sluttdatoen", S, 5, row=3, ext=service("admission.remind-pilot-end"))
p.node("endEvent", "saksbehandler-paminnet", "Påminnelse sendt", S, 6, row=3)
p.node("serviceTask", "eskalere-forprosjekt", "Varsle prosjektleder: sluttdato passert", S, 5, row=4, ext=service("admission.escalate-pilot-overdue"))
p.node("endEvent", "prosjektleder-varslet", "Prosjektleder varslet", S, 6, row=4)

p.node("serviceTask", "varsle-avslag", "Varsle Siva og selskapet om avslaget", S, 11, row=1, ext=service("admission.notify-rejection"))
p.node("endEvent", "avslatt", "Avslått av fylkeskommunen", S, 12, row=1)
p.node("serviceTask", "ta-opp-operator", "Ta opp operatøren og inngå samarbeidsavtale", S, 11, ext=service("admission.admit-operator"))
p.node("serviceTask", "sende-tilsagnsbrev", "Lag og send tilsagnsbrev", S, 12, ext=service("admission.grant-letter"))
p.node("parallelGateway", "oppstart-start", None, O, 13, row=1)
p.node("userTask", "budsjett-timepris", "Send budsjett med timepris", O, 14, row=0,
       ext=user_task("oppstart-budsjett", '=["operator-" + string(operatorId)]'))
p.node("userTask", "kontaktpersoner", "Registrer kontaktpersoner", O, 14, row=1,
       ext=user_task("oppstart-kontakter", '=["operator-" + string(operatorId)]'))
p.node("userTask", "etiske-retningslinjer", "Bekreft etiske retningslinjer og habilitetsrutiner", O, 14, row=2,
       ext=user_task("oppstart-etikk", '=["operator-" + string(operatorId)]'))
p.node("parallelGateway", "oppstart-ferdig", None, O, 15, row=1)
p.node("serviceTask", "starte-rapporteringskalender", "Start den årlige rapporteringskalenderen", S, 16,
       ext=service("admission.start-reporting-calendar"))
p.node("endEvent", "tatt-opp", "Operatøren er tatt opp", S, 17)

p.flow("f1", "oppdrag-registrert", "sla-opp-enhetsregisteret")
p.flow("f2", "sla-opp-enhetsregisteret", "varsle-siva")
p.flow("f3", "varsle-siva", "type-oppdrag")
p.flow("f-forprosjekt", "type-oppdrag", "gjennomfore-forprosjekt", "Forprosjekt")
p.flow("f-utvidelse", "type-oppdrag", "gjennomfore-utvidelse", "Utvidelse", '=projectType != "FORPROSJEKT_OPPTAK"')
p.flow("f4", "gjennomfore-forprosjekt", "kvalifisert")
p.flow("f-ja", "kvalifisert", "foresla-tilskudd", "Ja")
p.flow("f-nei", "kvalifisert", "sende-begrunnet-avslag", "Nei", "=qualified = false")
p.flow("f5", "sende-begrunnet-avslag", "ikke-kvalifisert")
p.flow("f6", "foresla-tilskudd", "sende-forslag")
p.flow("f7", "sende-forslag", "fylkets-vedtak")
p.flow("f8", "fylkets-vedtak", "vedtak")
p.flow("f-godkjent", "vedtak", "ta-opp-operator", "Godkjent")
p.flow("f-avslatt", "vedtak", "varsle-avslag", "Avslått", "=countyApproved = false")
p.flow("f9", "varsle-avslag", "avslatt")
p.flow("f10", "ta-opp-operator", "sende-tilsagnsbrev")
p.flow("f11", "sende-tilsagnsbrev", "oppstart-start")
p.flow("f12", "oppstart-start", "budsjett-timepris")
p.flow("f13", "oppstart-start", "kontaktpersoner")
p.flow("f14", "oppstart-start", "etiske-retningslinjer")
p.flow("f15", "budsjett-timepris", "oppstart-ferdig")
p.flow("f16", "kontaktpersoner", "oppstart-ferdig")
p.flow("f17", "etiske-retningslinjer", "oppstart-ferdig")
p.flow("f18", "oppstart-ferdig", "starte-rapporteringskalender")
p.flow("f19", "starte-rapporteringskalender", "tatt-opp")
p.flow("f20", "gjennomfore-utvidelse", "sende-anbefaling")
p.flow("f21", "sende-anbefaling", "anbefaling-gitt")
p.flow("f22", "paminnelse-forste", "paminne-saksbehandler")
p.flow("f23", "paminnelse-andre", "paminne-saksbehandler")
p.flow("f24", "paminne-saksbehandler", "saksbehandler-paminnet")
p.flow("f25", "forprosjekt-forfalt", "eskalere-forprosjekt")
p.flow("f26", "eskalere-forprosjekt", "prosjektleder-varslet")
p.flow("f27", "paminnelse-fylket", "paminne-fylket")
p.flow("f28", "paminne-fylket", "fylket-paminnet")

p.write(os.path.join(os.path.dirname(__file__), "..", "processes", "operator-admission.bpmn"))
