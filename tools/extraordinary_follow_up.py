"""processes/extraordinary-follow-up.bpmn and follow-up-trigger.bpmn: extraordinary follow-up (guide §6.6, §7.1).

The case and its triggers live in Programflyt's tables. follow-up-trigger is a short instance per trigger message
(from the differentiation round, the development dialogue or the annual reporting): it attaches the trigger to the
operator's open follow-up, or opens one. extraordinary-follow-up is the case itself.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from bpmn_layout import Process, service, user_task  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "processes")
SIVA = "siva-saksbehandler"

p = Process("extraordinary-follow-up", "Ekstraordinær oppfølging av programoperatør",
            "Programveilederen §6.6: når en operatør leverer vesentlig dårligere enn forventet, følger Siva og "
            "fylkeskommunen opp i 3–6 måneder (møter, dialog, scoreboard). Konklusjonen er å fortsette (med avtalte "
            "utviklingstiltak og en begrenset differensieringsanalyse ett år etter analysen som avdekket behovet, §7.1) eller å avslutte samarbeidet "
            "i samråd med fylkeskommunen: samarbeidsavtalen oppheves, rapporteringen stopper og målbedriftene avvikles. "
            "Variabler: caseId, businessKey (org.nr.), operatorId, countyCode, reminderAt, escalateAt, conclusion, "
            "measures, analysisAt, analysisOutcome, countyAgrees.")
p.lane("lane-siva", "Siva", rows=4)
p.lane("lane-fylke", "Fylkeskommunen", rows=1)
S, F = "lane-siva", "lane-fylke"

p.node("startEvent", "oppfolging-startet", "Oppfølging startet", S, 0)
p.node("serviceTask", "informere-oppstart", "Informer fylkeskommunen og operatøren", S, 1,
       ext=service("followup.inform-start"))
p.node("exclusiveGateway", "vurdering-samlet", None, S, 2)
p.node("userTask", "gjennomfore-oppfolging", "Gjennomfør oppfølgingen og konkluder", S, 3,
       ext=user_task("oppfolging-konklusjon", SIVA, "=escalateAt"))
p.boundary("tre-maneder", "3 måneder", "gjennomfore-oppfolging", ("timeDate", "=date and time(reminderAt)"), slot=0)
p.boundary("seks-maneder", "6 måneder uten konklusjon", "gjennomfore-oppfolging",
           ("timeDate", "=date and time(escalateAt)"), slot=1)
p.node("serviceTask", "paminne", "Minn saksbehandleren på fristen", S, 4, row=2, ext=service("followup.remind"))
p.node("endEvent", "paminnet", "Påminnet", S, 5, row=2)
p.node("serviceTask", "eskalere", "Varsle prosjektleder: ingen konklusjon", S, 4, row=3, ext=service("followup.escalate"))
p.node("endEvent", "eskalert", "Prosjektleder varslet", S, 5, row=3)
p.node("exclusiveGateway", "konklusjon", "Konklusjon?", S, 4, attrs=' default="f-fortsette"')

# continue: measures, then the limited analysis a year after the differentiation analysis that flagged the operator
# (a year after the conclusion for a follow-up raised otherwise)
p.node("serviceTask", "registrere-fortsettelse", "Registrer fortsettelse og send brev", S, 5,
       ext=service("followup.continue"))
p.node("userTask", "folge-opp-tiltak", "Følg opp utviklingstiltak", S, 6,
       ext=user_task("oppfolging-tiltak", SIVA, "=measure.dueAt")
       + '<zeebe:ioMapping><zeebe:input source="=measure.taskName" target="taskName"/>'
         '<zeebe:input source="=measure.measureId" target="subjectId"/></zeebe:ioMapping>',
       inner='<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics '
             'inputCollection="=measures" inputElement="measure"/></bpmn:extensionElements>'
             '</bpmn:multiInstanceLoopCharacteristics>')
p.timer_catch("ett-ar-etter", "Ett år etter analysen som avdekket behovet", S, 7, 0, "timeDate", "=date and time(analysisAt)")
p.node("userTask", "begrenset-analyse", "Gjennomfør begrenset differensieringsanalyse", S, 8,
       ext=user_task("oppfolging-analyse", SIVA, "=analysisDueAt"))
p.node("exclusiveGateway", "analyse-resultat", "Resultat?", S, 9, attrs=' default="f-i-programmet"')
p.node("serviceTask", "registrere-analyse", "Registrer resultatet og avslutt oppfølgingen", S, 10,
       ext=service("followup.close-analysis"))
p.node("endEvent", "fortsetter", "Fortsetter i programmet", S, 11)

# terminate: the county's consultation, then revoke and wind down
p.node("exclusiveGateway", "samrad-samlet", None, F, 5)
p.node("userTask", "samrad-fylket", "Gi fylkeskommunens standpunkt til avslutning", F, 6,
       ext=user_task("oppfolging-samrad", '=["fylke-" + countyCode]'))
p.node("exclusiveGateway", "fylket-enig", "Fylket støtter avslutning?", F, 7, attrs=' default="f-enig"')
p.node("serviceTask", "fylket-uenig", "Registrer at fylket ikke støtter avslutning", S, 7, row=1,
       ext=service("followup.county-disagrees"))
p.node("serviceTask", "avslutte-samarbeid", "Opphev samarbeidsavtalen og avvikle", S, 8, row=1,
       ext=service("followup.terminate"))
p.node("userTask", "kontrollere-avvikling", "Kontroller avviklingen av målbedriftene", S, 9, row=1,
       ext=user_task("oppfolging-avvikling", SIVA))
p.node("endEvent", "avsluttet", "Samarbeidet er avsluttet", S, 10, row=1)

p.flow("a1", "oppfolging-startet", "informere-oppstart")
p.flow("a2", "informere-oppstart", "vurdering-samlet")
p.flow("a3", "vurdering-samlet", "gjennomfore-oppfolging")
p.flow("a4", "gjennomfore-oppfolging", "konklusjon")
p.flow("f-fortsette", "konklusjon", "registrere-fortsettelse", "Fortsette")
p.flow("f-avslutte", "konklusjon", "samrad-samlet", "Avslutte", '=conclusion = "TERMINATE"')
p.flow("a5", "registrere-fortsettelse", "folge-opp-tiltak")
p.flow("a6", "folge-opp-tiltak", "ett-ar-etter")
p.flow("a7", "ett-ar-etter", "begrenset-analyse")
p.flow("a8", "begrenset-analyse", "analyse-resultat")
p.flow("f-i-programmet", "analyse-resultat", "registrere-analyse", "Lavere tilskudd eller samme nivå")
p.flow("f-ut", "analyse-resultat", "samrad-samlet", "Ut av programmet", '=analysisOutcome = "OUT_OF_PROGRAMME"')
p.flow("a9", "registrere-analyse", "fortsetter")
p.flow("a10", "samrad-samlet", "samrad-fylket")
p.flow("a11", "samrad-fylket", "fylket-enig")
p.flow("f-enig", "fylket-enig", "avslutte-samarbeid", "Ja")
p.flow("f-uenig", "fylket-enig", "fylket-uenig", "Nei", "=countyAgrees = false")
p.flow("a12", "fylket-uenig", "vurdering-samlet")
p.flow("a13", "avslutte-samarbeid", "kontrollere-avvikling")
p.flow("a14", "kontrollere-avvikling", "avsluttet")
p.flow("a15", "tre-maneder", "paminne")
p.flow("a16", "paminne", "paminnet")
p.flow("a17", "seks-maneder", "eskalere")
p.flow("a18", "eskalere", "eskalert")
p.write(os.path.join(OUT, "extraordinary-follow-up.bpmn"))

# ---- one trigger message --------------------------------------------------------------------------------------------
t = Process("follow-up-trigger", "Utløser for ekstraordinær oppfølging",
            "Meldingen ekstraordinar-oppfolging (korrelasjonsnøkkel: operatørens id; meldings-id: utløserens kilde) "
            "fra differensieringen, utviklingssamtalen eller årsrapporteringen. Utløseren legges til operatørens åpne "
            "oppfølgingssak, eller en ny sak åpnes. Variabler: operatorId, trigger, evidence, source, raisedBy.")
t.lane("lane-system", "Programflyt", rows=1)
L = "lane-system"
t.messages["ekstraordinar-oppfolging"] = None
t.node("startEvent", "utloser-mottatt", "Utløser mottatt", L, 0,
       inner='<bpmn:messageEventDefinition id="utloser-mottatt_def" messageRef="Message_ekstraordinar-oppfolging"/>')
t.node("serviceTask", "registrere-utloser", "Legg til åpen sak eller åpne ny", L, 1, ext=service("followup.raise", 5))
t.node("endEvent", "utloser-registrert", "Utløser registrert", L, 2)
t.flow("t1", "utloser-mottatt", "registrere-utloser")
t.flow("t2", "registrere-utloser", "utloser-registrert")
t.write(os.path.join(OUT, "follow-up-trigger.bpmn"))
