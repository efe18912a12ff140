"""processes/programme-evaluation.bpmn (guide §4.5).

«I tillegg til disse årlige evalueringene, vil det gjennomføres en midtveisevaluering av næringshageprogrammet i 2027.»
Each year on 2 January the process asks whether this is the evaluation year (programflyt.programme.mid-term-evaluation);
in that year Siva's project leaders get the task of tendering and following up the evaluation, due at the year's end.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from bpmn_layout import Process, service, user_task  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "processes")

e = Process("programme-evaluation", "Evaluering av programmet",
            "Programveilederen §4.5: midtveisevaluering av næringshageprogrammet i 2027. Startes hvert år 2. januar "
            "(cron, motorens tidssone); i evalueringsåret får Sivas prosjektledere oppgaven å lyse ut og følge opp "
            "evalueringen innen årets slutt. Variabler: evaluationYear, caseId, businessKey (året), dueAt.")
e.lane("lane-leder", "Sivas prosjektleder", rows=1)
e.lane("lane-system", "Programflyt", rows=2)
P, S = "lane-leder", "lane-system"
# a cron cycle keeps its day when a new version is deployed after a fixed start date would have
e.node("startEvent", "arsstart", "Hvert år 2. januar", S, 0,
       inner='<bpmn:timerEventDefinition id="arsstart_def"><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">'
             '0 0 8 2 1 *</bpmn:timeCycle></bpmn:timerEventDefinition>')
e.node("serviceTask", "planlegge-evaluering", "Finn ut om det er evalueringsår", S, 1, ext=service("evaluation.plan", 5))
e.node("exclusiveGateway", "evalueringsar", "Midtveisevaluering i år?", S, 2, attrs=' default="e-nei"')
e.node("endEvent", "ikke-evalueringsar", "Ikke evalueringsår", S, 3, row=1)
e.node("userTask", "folge-opp-midtveisevaluering", "Lys ut og følg opp midtveisevalueringen", P, 3,
       ext=user_task("midtveisevaluering", "siva-prosjektleder", "=dueAt"))
e.node("endEvent", "evaluering-fulgt-opp", "Midtveisevalueringen er fulgt opp", P, 4)
e.flow("e1", "arsstart", "planlegge-evaluering")
e.flow("e2", "planlegge-evaluering", "evalueringsar")
e.flow("e-ja", "evalueringsar", "folge-opp-midtveisevaluering", "Ja", "=evaluationYear = true")
e.flow("e-nei", "evalueringsar", "ikke-evalueringsar", "Nei")
e.flow("e3", "folge-opp-midtveisevaluering", "evaluering-fulgt-opp")
e.write(os.path.join(OUT, "programme-evaluation.bpmn"))
