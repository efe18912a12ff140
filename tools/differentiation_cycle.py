"""processes/differentiation-cycle.bpmn and differentiation-county.bpmn: the differentiation round (guide §7, §15.3).

differentiation-cycle is one instance per year, started by a timer every 15 August (and by the project leader): in a
differentiation year (default: the even years) the whole calendar from the September meeting to the December
notification; in the other years only the limited analysis of operators under follow-up. The per-county steps
(meeting, frame, proposal, feedback) are differentiation-county, one called instance per county, so that one
county's delay does not hold up the others. Every dated step has a reminder before its date and an escalation after.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from xml.sax.saxutils import quoteattr  # noqa: E402

from bpmn_layout import Process, call, service, user_task  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "processes")
SIVA, LEADER = "siva-saksbehandler", "siva-prosjektleder"


def dated(p, task, step, lane, col, row, county=False):
    """A reminder before the step's date and an escalation after it (non-interrupting; the task stays open)."""
    h = {"step": step}
    p.boundary(task + "-paminnelse", "Påminnelse", task, ("timeDate", "=date and time(dates.%s.remindAt)" % step), slot=0)
    p.boundary(task + "-forsinket", "Fristen er passert", task, ("timeDate", "=date and time(dates.%s.escalateAt)" % step), slot=1)
    p.node("serviceTask", task + "-paminne", "Send påminnelse", lane, col + 1, row=row + 1,
           ext=service("differentiation.remind", headers=h))
    p.node("endEvent", task + "-paminnet", "Påminnet", lane, col + 2, row=row + 1)
    p.node("serviceTask", task + "-eskalere", "Varsle prosjektleder" if not county else "Varsle prosjektleder og fylket",
           lane, col + 1, row=row + 2, ext=service("differentiation.escalate", headers=h))
    p.node("endEvent", task + "-eskalert", "Varslet", lane, col + 2, row=row + 2)
    p.flow(task + "-r1", task + "-paminnelse", task + "-paminne")
    p.flow(task + "-r2", task + "-paminne", task + "-paminnet")
    p.flow(task + "-e1", task + "-forsinket", task + "-eskalere")
    p.flow(task + "-e2", task + "-eskalere", task + "-eskalert")


def due(step):
    return "=dates.%s.dueAt" % step


def named(name_expr):
    return '<zeebe:ioMapping><zeebe:input source=%s target="taskName"/></zeebe:ioMapping>' % quoteattr(name_expr)


# ---- the round --------------------------------------------------------------------------------------------------------
p = Process("differentiation-cycle", "Differensieringsrunde",
            "Startes hvert år 15. august tidlig om morgenen og av prosjektleder. Programveilederen §7 og §15.3: hvert annet år (standard: partallsår) analyserer Siva alle operatørene og "
            "plasserer dem, sammen med fylkeskommunene, på et trinn i tilskuddsmodellen. Andre år gjennomføres bare "
            "den begrensede analysen av operatører under særskilt oppfølging. Variabler: roundId, caseId, businessKey "
            "(året), year, differentiation, duplicate, counties, dates (per steg: dueAt, remindAt, escalateAt), "
            "calendarDueAt, briefAt.")
p.lane("lane-leder", "Sivas prosjektleder", rows=3)
p.lane("lane-siva", "Siva", rows=3)
p.lane("lane-fylke", "Fylkeskommunene", rows=1)
P, S, F = "lane-leder", "lane-siva", "lane-fylke"

# a cron cycle, 05:00 in the engine's time zone (UTC on a cluster: 07:00 in Oslo): unlike a repeating interval from a
# fixed start date it keeps its day when a new version is deployed after that date
p.node("startEvent", "arlig-start", "Hvert år 15. august", S, 0,
       inner='<bpmn:timerEventDefinition id="arlig-start_def"><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">'
             '0 0 5 15 8 *</bpmn:timeCycle></bpmn:timerEventDefinition>')
p.node("startEvent", "startet-manuelt", "Startet av prosjektleder", P, 0)
p.node("exclusiveGateway", "start-samlet", None, S, 1)
p.flow("s1", "arlig-start", "start-samlet")
p.flow("s2", "startet-manuelt", "start-samlet")
p.node("serviceTask", "planlegge-runden", "Opprett runden for året", S, 2, ext=service("differentiation.plan", 5))
p.node("exclusiveGateway", "finnes-fra-for", "Runden finnes fra før?", S, 3, attrs=' default="f-ny"')
p.node("endEvent", "allerede-startet", "Runden er allerede startet", S, 4, row=2)
p.node("endEvent", "etter-programslutt", "Programmet er avsluttet", S, 4, row=1)
p.node("exclusiveGateway", "differensieringsar", "Differensieringsår?", S, 4, attrs=' default="f-begrenset"')
p.node("serviceTask", "begrenset-analyse", "Begrenset analyse av operatører under oppfølging", S, 5, row=2,
       ext=service("differentiation.limited-analysis"))
p.node("endEvent", "begrenset-ferdig", "Begrenset analyse registrert", S, 6, row=2)
p.flow("s3", "start-samlet", "planlegge-runden")
p.flow("s4", "planlegge-runden", "finnes-fra-for")
p.flow("f-duplikat", "finnes-fra-for", "allerede-startet", "Ja", "=duplicate = true")
p.flow("f-programslutt", "finnes-fra-for", "etter-programslutt", "Etter programslutt", "=programmeEnded = true")
p.flow("f-ny", "finnes-fra-for", "differensieringsar", "Nei")
p.flow("f-begrenset", "differensieringsar", "begrenset-analyse", "Nei")
p.flow("s5", "begrenset-analyse", "begrenset-ferdig")

p.node("userTask", "fastsette-kalender", "Fastsett kalenderen for runden", P, 5,
       ext=user_task("differensiering-kalender", LEADER, "=calendarDueAt"))
p.flow("f-full", "differensieringsar", "fastsette-kalender", "Ja", "=differentiation = true")
p.node("userTask", "informasjonsmote", "Hold informasjonsmøtet med fylkeskommunene", P, 6,
       ext=user_task("differensiering-informasjonsmote", LEADER, due("informasjonsmote")))
dated(p, "informasjonsmote", "informasjonsmote", P, 6, 0)
p.flow("s6", "fastsette-kalender", "informasjonsmote")
p.node("userTask", "analyse", "Gjennomfør differensieringsanalysen", S, 7,
       ext=user_task("differensiering-analyse", SIVA, due("analyse")))
dated(p, "analyse", "analyse", S, 7, 0)
p.flow("s7", "informasjonsmote", "analyse")
p.timer_catch("dato-informasjonsgrunnlag", "Dato for informasjonsgrunnlaget", S, 10, 0, "timeDate",
              "=date and time(dates.informasjonsgrunnlag.dueAt)")
p.flow("s8", "analyse", "dato-informasjonsgrunnlag")
p.node("serviceTask", "sende-informasjonsgrunnlag", "Send informasjonsgrunnlaget til hver fylkeskommune", S, 11,
       ext=service("differentiation.send-basis"))
p.flow("s9", "dato-informasjonsgrunnlag", "sende-informasjonsgrunnlag")
p.timer_catch("dagen-etter", "Dagen etter", S, 12, 0, "timeDate", "=date and time(briefAt)")
p.flow("s10", "sende-informasjonsgrunnlag", "dagen-etter")
p.node("serviceTask", "orientere-operatorene", "Orienter alle operatørene samtidig", S, 13,
       ext=service("differentiation.brief-operators"))
p.flow("s11", "dagen-etter", "orientere-operatorene")
p.node("parallelGateway", "fylker-og-modeller", None, S, 14)
p.flow("s12", "orientere-operatorene", "fylker-og-modeller")
p.node("callActivity", "fylkene", "Fylkeskommunenes steg", F, 15,
       ext=call("differentiation-county", {"roundId": "=roundId", "caseId": "=caseId", "businessKey": "=businessKey",
                                           "dates": "=dates", "countyCode": "=county.code", "countyName": "=county.name"}),
       inner='<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics '
             'inputCollection="=counties" inputElement="county"/></bpmn:extensionElements>'
             '</bpmn:multiInstanceLoopCharacteristics>')
p.node("userTask", "modellgjennomgang", "Gjennomgå modellene: trinn og beløp", P, 15,
       ext=user_task("differensiering-modeller", LEADER, due("modellgjennomgang")))
dated(p, "modellgjennomgang", "modellgjennomgang", P, 15, 0)
p.flow("s13", "fylker-og-modeller", "fylkene")
p.flow("s14", "fylker-og-modeller", "modellgjennomgang")
p.node("parallelGateway", "alle-fylker-svart", None, S, 18)
p.flow("s15", "fylkene", "alle-fylker-svart")
p.flow("s16", "modellgjennomgang", "alle-fylker-svart")
p.timer_catch("uke-etter-fristen", "En uke etter fristen for tilbakemelding", S, 19, 0, "timeDate",
              "=date and time(dates.programstyret.startAt)")
p.flow("s17", "alle-fylker-svart", "uke-etter-fristen")
p.node("userTask", "programstyret", "Programstyret tar innplasseringene til etterretning", P, 20,
       ext=user_task("differensiering-programstyret", LEADER, due("programstyret")))
dated(p, "programstyret", "programstyret", P, 20, 0)
p.flow("s18", "uke-etter-fristen", "programstyret")
p.timer_catch("varslingsdato", "Varslingsdato", S, 21, 0, "timeDate", "=date and time(dates.varsling.dueAt)")
p.flow("s19", "programstyret", "varslingsdato")
p.node("serviceTask", "varsle-operatorene", "Varsle hver operatør om innplasseringen", S, 22,
       ext=service("differentiation.notify"))
p.flow("s20", "varslingsdato", "varsle-operatorene")
p.node("serviceTask", "flagge-oppfolging", "Start ekstraordinær oppfølging ved flere negative områder", S, 23,
       ext=service("differentiation.flag-follow-up"))
p.flow("s21", "varsle-operatorene", "flagge-oppfolging")
p.node("serviceTask", "avslutte-runden", "Avslutt runden", S, 24, ext=service("differentiation.complete"))
p.flow("s22", "flagge-oppfolging", "avslutte-runden")
p.node("endEvent", "runden-fullfort", "Runden er fullført", S, 25)
p.flow("s23", "avslutte-runden", "runden-fullfort")
p.write(os.path.join(OUT, "differentiation-cycle.bpmn"))

# ---- one county ---------------------------------------------------------------------------------------------------
c = Process("differentiation-county", "Differensieringsrunde: én fylkeskommune",
            "Individuelt møte, foreløpig ramme etter at forslaget til statsbudsjett er lagt fram, forslag til "
            "innplassering og fylkeskommunens skriftlige tilbakemelding med forbehold (§15.3.4–15.3.8). Meldingene "
            "statsbudsjett-fremlagt og modeller-gjennomgatt har korrelasjonsnøkkel rundens id og fylkesnummer. "
            "Variabler: roundId, caseId, businessKey, countyCode, countyName, dates, feedbackAccepted.")
c.lane("lane-siva", "Siva", rows=3)
c.lane("lane-fylke", "Fylkeskommunen", rows=3)
S, F = "lane-siva", "lane-fylke"
KEY = '=string(roundId) + "-" + countyCode'
c.messages["statsbudsjett-fremlagt"] = KEY
c.messages["modeller-gjennomgatt"] = KEY
c.node("startEvent", "fylke-startet", "Informasjonsgrunnlaget er sendt", S, 0)
c.node("userTask", "fylkesmote", "Hold møtet med fylkeskommunen", S, 1,
       ext=user_task("differensiering-fylkesmote", SIVA, due("fylkesmote")) + named('="Møte med " + countyName'))
dated(c, "fylkesmote", "fylkesmote", S, 1, 0)
c.flow("c1", "fylke-startet", "fylkesmote")
c.node("intermediateCatchEvent", "statsbudsjett", "Forslag til statsbudsjett lagt fram", F, 4,
       inner='<bpmn:messageEventDefinition id="statsbudsjett_def" messageRef="Message_statsbudsjett-fremlagt"/>')
c.flow("c2", "fylkesmote", "statsbudsjett")
c.node("userTask", "budsjettramme", "Meld foreløpig ramme", F, 5,
       ext=user_task("differensiering-ramme", '=["fylke-" + countyCode]', due("budsjettramme"))
       + named('="Meld foreløpig ramme for differensieringen (" + countyName + ")"'))
dated(c, "budsjettramme", "budsjettramme", F, 5, 0, county=True)
c.flow("c3", "statsbudsjett", "budsjettramme")
c.node("intermediateCatchEvent", "modeller-klare", "Modellene er gjennomgått", S, 8,
       inner='<bpmn:messageEventDefinition id="modeller-klare_def" messageRef="Message_modeller-gjennomgatt"/>')
c.flow("c4", "budsjettramme", "modeller-klare")
c.node("exclusiveGateway", "forslag-samlet", None, S, 9)
c.flow("c5", "modeller-klare", "forslag-samlet")
c.node("userTask", "plasseringsforslag", "Foreslå innplassering", S, 10,
       ext=user_task("differensiering-forslag", SIVA, due("plasseringsforslag"))
       + named('="Foreslå innplassering: " + countyName'))
dated(c, "plasseringsforslag", "plasseringsforslag", S, 10, 0)
c.flow("c6", "forslag-samlet", "plasseringsforslag")
c.node("serviceTask", "sende-forslag", "Send forslaget til fylkeskommunen", S, 13,
       ext=service("differentiation.send-proposal"))
c.flow("c7", "plasseringsforslag", "sende-forslag")
c.node("userTask", "tilbakemelding", "Gi skriftlig tilbakemelding med forbehold", F, 14,
       ext=user_task("differensiering-tilbakemelding", '=["fylke-" + countyCode]', due("tilbakemelding"))
       + named('="Tilbakemelding på innplasseringen (" + countyName + ")"'))
dated(c, "tilbakemelding", "tilbakemelding", F, 14, 0, county=True)
c.flow("c8", "sende-forslag", "tilbakemelding")
c.node("exclusiveGateway", "godtatt", "Slutter seg til forslaget?", F, 17, attrs=' default="f-godtatt"')
c.flow("c9", "tilbakemelding", "godtatt")
c.flow("f-endring", "godtatt", "forslag-samlet", "Nei, ber om endring", "=feedbackAccepted = false")
c.node("serviceTask", "registrere-tilbakemelding", "Registrer tilbakemeldingen", S, 18,
       ext=service("differentiation.county-done"))
c.flow("f-godtatt", "godtatt", "registrere-tilbakemelding", "Ja")
c.node("endEvent", "fylke-ferdig", "Fylkets tilbakemelding er gitt", S, 19)
c.flow("c10", "registrere-tilbakemelding", "fylke-ferdig")
c.write(os.path.join(OUT, "differentiation-county.bpmn"))
