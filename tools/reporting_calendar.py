"""processes/annual-reporting-calendar.bpmn, reporting-obligation.bpmn, reporting-new-year.bpmn (guide §11.1).

One calendar instance per operator and year; each obligation is its own called instance (parallel multi-instance),
with reminders before the deadline and an escalation the day after, and Siva's review where the guide asks for it.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from bpmn_layout import Process, call, service, user_task  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "processes")

# ---- the year -------------------------------------------------------------------------------------------------------
y = Process("annual-reporting-calendar", "Årlig rapporteringskalender",
            "Én instans per operatør og år: startes 1. januar for alle aktive operatører, og når en ny operatør er "
            "tatt opp (meldingen rapporteringskalender-start). Variabler: operatorId, year, caseId, obligations.")
y.lane("lane-system", "Programflyt", rows=1)
L = "lane-system"
y.messages["rapporteringskalender-start"] = None
y.node("startEvent", "kalender-startet", "Nytt rapporteringsår", L, 0)
y.node("startEvent", "operator-tatt-opp", "Operatør tatt opp", L, 0, row=1,
       inner='<bpmn:messageEventDefinition id="operator-tatt-opp_def" messageRef="Message_rapporteringskalender-start"/>')
y.node("exclusiveGateway", "start-samlet", None, L, 1)
y.node("serviceTask", "planlegge-rapporteringsaret", "Planlegg fristene for året", L, 2,
       ext=service("reporting.plan-year", 5))
y.node("callActivity", "plikter", "Rapporteringsplikt", L, 3,
       ext=call("reporting-obligation", {"obligation": "=obligation", "caseId": "=caseId", "businessKey": "=businessKey",
                                         "operatorId": "=operatorId", "operatorGroup": "=operatorGroup",
                                         "subjectId": "=obligation.obligationId"}),
       inner='<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics '
             'inputCollection="=obligations" inputElement="obligation"/></bpmn:extensionElements>'
             '</bpmn:multiInstanceLoopCharacteristics>')
y.node("endEvent", "aret-avsluttet", "Rapporteringsåret er avsluttet", L, 4)
y.flow("k1", "kalender-startet", "start-samlet")
y.flow("k2", "operator-tatt-opp", "start-samlet")
y.flow("k3", "start-samlet", "planlegge-rapporteringsaret")
y.flow("k4", "planlegge-rapporteringsaret", "plikter")
y.flow("k5", "plikter", "aret-avsluttet")
y.write(os.path.join(OUT, "annual-reporting-calendar.bpmn"))

# ---- one obligation -------------------------------------------------------------------------------------------------
o = Process("reporting-obligation", "Rapporteringsplikt",
            "Én frist i rapporteringskalenderen: operatøren leverer; påminnelser før fristen (standard 14 og 3 dager) "
            "og varsel til Sivas saksbehandler dagen etter; Siva kontrollerer der veilederen sier det, og en avvist "
            "innsending går tilbake med begrunnelse. Variabler: obligation (obligationId, taskName, taskForm, review, "
            "dueAt, reminder1At, reminder2At, escalateAt), caseId, operatorGroup.")
o.lane("lane-operator", "Programoperatøren", rows=3)
o.lane("lane-siva", "Siva", rows=1)
O, S = "lane-operator", "lane-siva"
o.node("startEvent", "plikt-startet", "Frist i kalenderen", O, 0)
o.node("serviceTask", "apne-plikt", "Gjør klar innsendingen", O, 1, ext=service("reporting.open"))
o.node("exclusiveGateway", "levere-samlet", None, O, 2)
o.node("userTask", "levere", "Lever", O, 3,
       ext=user_task("rapportering-innsending", "=operatorGroup", "=obligation.dueAt")
       + '<zeebe:ioMapping><zeebe:input source="=obligation.taskName" target="taskName"/>'
         '<zeebe:input source="=obligation.taskForm" target="taskForm"/></zeebe:ioMapping>')
o.boundary("forste-paminnelse", "Første påminnelse", "levere", ("timeDate", "=date and time(obligation.reminder1At)"), slot=0)
o.boundary("andre-paminnelse", "Andre påminnelse", "levere", ("timeDate", "=date and time(obligation.reminder2At)"), slot=1)
o.boundary("frist-passert", "Fristen er passert", "levere", ("timeDate", "=date and time(obligation.escalateAt)"), slot=2)
o.node("serviceTask", "paminne-1", "Send påminnelse", O, 4, row=1, ext=service("reporting.remind", headers={"reminder": "1"}))
o.node("endEvent", "paminnet-1", "Påminnet", O, 5, row=1)
o.node("serviceTask", "paminne-2", "Send påminnelse", O, 4, row=2, ext=service("reporting.remind", headers={"reminder": "2"}))
o.node("endEvent", "paminnet-2", "Påminnet", O, 5, row=2)
o.node("serviceTask", "eskalere", "Varsle Sivas saksbehandler", S, 4, ext=service("reporting.escalate"))
o.node("endEvent", "eskalert", "Varslet", S, 5)
o.node("exclusiveGateway", "kontroll", "Kontrolleres av Siva?", O, 6, attrs=' default="f-uten-kontroll"')
o.node("userTask", "kontrollere", "Kontroller innsendingen", S, 7,
       ext=user_task("rapportering-kontroll", "siva-saksbehandler")
       + '<zeebe:ioMapping><zeebe:input source="=&quot;Kontroller: &quot; + obligation.taskName" target="taskName"/>'
         '</zeebe:ioMapping>')
o.node("exclusiveGateway", "godkjent", "Godkjent?", S, 8, attrs=' default="f-godkjent"')
o.node("serviceTask", "avvise", "Send tilbake med begrunnelse", S, 9, ext=service("reporting.reject"))
o.node("serviceTask", "fullfore", "Registrer at plikten er oppfylt", O, 10, ext=service("reporting.done"))
o.node("endEvent", "oppfylt", "Oppfylt", O, 11)
o.flow("o1", "plikt-startet", "apne-plikt")
o.flow("o2", "apne-plikt", "levere-samlet")
o.flow("o3", "levere-samlet", "levere")
o.flow("o4", "levere", "kontroll")
o.flow("f-med-kontroll", "kontroll", "kontrollere", "Ja", "=obligation.review = true")
o.flow("f-uten-kontroll", "kontroll", "fullfore", "Nei")
o.flow("o5", "kontrollere", "godkjent")
o.flow("f-godkjent", "godkjent", "fullfore", "Ja")
o.flow("f-avvist", "godkjent", "avvise", "Nei", "=approved = false")
o.flow("o6", "avvise", "levere-samlet")
o.flow("o7", "fullfore", "oppfylt")
o.flow("o8", "forste-paminnelse", "paminne-1")
o.flow("o9", "paminne-1", "paminnet-1")
o.flow("o10", "andre-paminnelse", "paminne-2")
o.flow("o11", "paminne-2", "paminnet-2")
o.flow("o12", "frist-passert", "eskalere")
o.flow("o13", "eskalere", "eskalert")
o.write(os.path.join(OUT, "reporting-obligation.bpmn"))

# ---- the new year ---------------------------------------------------------------------------------------------------
n = Process("reporting-new-year", "Nytt rapporteringsår",
            "1. januar kl. 00.05 (motorens tidssone; 01.05 norsk tid på en motor i UTC): starter "
            "rapporteringskalenderen for året for hver aktiv operatør, ikke for år etter programslutt.")
n.lane("lane-system", "Programflyt", rows=1)
L = "lane-system"
n.node("startEvent", "nyttar", "1. januar", L, 0,
       inner='<bpmn:timerEventDefinition id="nyttar_def"><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">'
             '0 5 0 1 1 *</bpmn:timeCycle></bpmn:timerEventDefinition>')
n.node("serviceTask", "starte-kalendere", "Start kalenderen for hver aktiv operatør", L, 1,
       ext=service("reporting.start-all", 5))
n.node("endEvent", "kalendere-startet", "Kalendrene er startet", L, 2)
n.flow("n1", "nyttar", "starte-kalendere")
n.flow("n2", "starte-kalendere", "kalendere-startet")
n.write(os.path.join(OUT, "reporting-new-year.bpmn"))
