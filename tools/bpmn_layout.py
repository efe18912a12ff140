"""Writes BPMN 2.0 with Zeebe extensions and a diagram (DI) laid out on a grid, lanes stacked top to bottom.

The output opens in Camunda Modeler and renders in bpmn-js. A process is described in a small Python file (see
tools/operator_admission.py): lanes, nodes placed by (lane, column, row), flows, boundary events.
Run: python3 tools/operator_admission.py  (writes processes/operator-admission.bpmn)
"""
from xml.sax.saxutils import escape, quoteattr

COL_W, LANE_X, POOL_LABEL_W = 160, 30, 30
SIZES = {"startEvent": (36, 36), "endEvent": (36, 36), "boundaryEvent": (36, 36), "intermediateThrowEvent": (36, 36),
         "intermediateCatchEvent": (36, 36),
         "exclusiveGateway": (50, 50), "parallelGateway": (50, 50), "userTask": (110, 80), "serviceTask": (110, 80),
         "callActivity": (110, 80)}


class Process:
    def __init__(self, pid, name, documentation=""):
        self.pid, self.name, self.doc = pid, name, documentation
        self.lanes, self.nodes, self.flows, self.order = [], {}, [], []
        self.messages, self.errors = {}, {}

    def lane(self, lid, name, rows=1):
        self.lanes.append({"id": lid, "name": name, "rows": rows})

    def node(self, kind, nid, name, lane, col, row=0, ext="", inner="", attrs=""):
        self.nodes[nid] = dict(kind=kind, id=nid, name=name, lane=lane, col=col, row=row, ext=ext, inner=inner,
                               attrs=attrs, inc=[], out=[])
        self.order.append(nid)

    def boundary(self, nid, name, attached, timer=None, cancel=False, slot=0, ext="", message=None, error=None):
        """timer: (timeDate|timeDuration|timeCycle, expression); message: (name, correlation key expression);
        error: error code. Message and error boundaries interrupt."""
        host = self.nodes[attached]
        self.nodes[nid] = dict(kind="boundaryEvent", id=nid, name=name, lane=host["lane"], col=host["col"],
                               row=host["row"], attached=attached, timer=timer, cancel=cancel, slot=slot, ext=ext,
                               inner="", attrs="", inc=[], out=[], message=message, error=error)
        if message:
            self.messages[message[0]] = message[1]
        if error:
            self.errors[error] = error
        self.order.append(nid)

    def timer_catch(self, nid, name, lane, col, row, kind, expr):
        self.node("intermediateCatchEvent", nid, name, lane, col, row,
                  inner='<bpmn:timerEventDefinition id="%s_def"><bpmn:%s xsi:type="bpmn:tFormalExpression">%s</bpmn:%s></bpmn:timerEventDefinition>'
                  % (nid, kind, escape(expr), kind))

    def error_end(self, nid, name, lane, col, row, code):
        self.errors[code] = code
        self.node("endEvent", nid, name, lane, col, row,
                  inner='<bpmn:errorEventDefinition id="%s_def" errorRef="Error_%s"/>' % (nid, code))

    def flow(self, fid, src, dst, name=None, condition=None):
        self.flows.append(dict(id=fid, src=src, dst=dst, name=name, cond=condition))
        self.nodes[src]["out"].append(fid)
        self.nodes[dst]["inc"].append(fid)

    # ---- layout ------------------------------------------------------------------------------------------------
    def _geometry(self):
        lane_top, y = {}, 60
        row_h = 130
        for lane in self.lanes:
            lane["y"] = y
            lane["h"] = row_h * lane["rows"] + 40
            lane_top[lane["id"]] = y
            y += lane["h"]
        max_col = max(n["col"] for n in self.nodes.values())
        width = POOL_LABEL_W + 60 + (max_col + 1) * COL_W
        geo = {}
        for nid in self.order:
            n = self.nodes[nid]
            if n["kind"] == "boundaryEvent":
                continue
            w, h = SIZES[n["kind"]]
            cx = LANE_X + POOL_LABEL_W + 80 + n["col"] * COL_W
            lane = next(l for l in self.lanes if l["id"] == n["lane"])
            cy = lane["y"] + 20 + row_h / 2 + n["row"] * row_h - 10
            geo[nid] = (cx - w / 2, cy - h / 2, w, h)
        for nid in self.order:
            n = self.nodes[nid]
            if n["kind"] != "boundaryEvent":
                continue
            hx, hy, hw, hh = geo[n["attached"]]
            geo[nid] = (hx + 10 + n["slot"] * 34, hy + hh - 18, 36, 36)
        return geo, width, y - 60

    def _waypoints(self, f, geo):
        sx, sy, sw, sh = geo[f["src"]]
        dx, dy, dw, dh = geo[f["dst"]]
        src = self.nodes[f["src"]]
        if src["kind"] == "boundaryEvent":
            start = (sx + sw / 2, sy + sh)
            end = (dx, dy + dh / 2)
            return [start, (start[0], end[1]), end] if abs(start[0] - end[0]) > 1 else [start, (dx + dw / 2, dy)]
        start = (sx + sw, sy + sh / 2)
        end = (dx, dy + dh / 2)
        if abs(start[1] - end[1]) < 1:
            return [start, end]
        if dx + dw / 2 <= sx + sw / 2 + 1:  # going back or straight down: leave from the bottom
            start = (sx + sw / 2, sy + sh)
            return [start, (start[0], end[1]), end] if start[0] < end[0] else [start, (start[0], dy + dh + 20), (dx + dw / 2, dy + dh + 20), (dx + dw / 2, dy + dh)]
        mid = start[0] + 25
        return [start, (mid, start[1]), (mid, end[1]), end]

    # ---- output ------------------------------------------------------------------------------------------------
    def write(self, path):
        geo, width, height = self._geometry()
        out = ['<?xml version="1.0" encoding="UTF-8"?>',
               '<!-- Generated by tools/bpmn_layout.py from tools/%s.py; edit there (or in Camunda Modeler and keep the generator in step). -->' % self.pid.replace("-", "_"),
               '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
               'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
               'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" '
               'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" '
               'id="Definitions_%s" targetNamespace="http://siva.no/programflyt" exporter="Programflyt" exporterVersion="0.2" '
               'modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">' % self.pid,
               '  <bpmn:collaboration id="Collaboration_%s">' % self.pid,
               '    <bpmn:participant id="Participant_%s" name=%s processRef="%s"/>' % (self.pid, quoteattr(self.name), self.pid),
               '  </bpmn:collaboration>',
               '  <bpmn:process id="%s" name=%s isExecutable="true">' % (self.pid, quoteattr(self.name))]
        if self.doc:
            out.append('    <bpmn:documentation>%s</bpmn:documentation>' % escape(self.doc))
        out.append('    <bpmn:laneSet id="LaneSet_%s">' % self.pid)
        for lane in self.lanes:
            out.append('      <bpmn:lane id="%s" name=%s>' % (lane["id"], quoteattr(lane["name"])))
            for nid in self.order:
                if self.nodes[nid]["lane"] == lane["id"]:
                    out.append('        <bpmn:flowNodeRef>%s</bpmn:flowNodeRef>' % nid)
            out.append('      </bpmn:lane>')
        out.append('    </bpmn:laneSet>')
        for nid in self.order:
            n = self.nodes[nid]
            attrs = ' id="%s" name=%s' % (nid, quoteattr(n["name"])) if n["name"] else ' id="%s"' % nid
            if n["kind"] == "boundaryEvent":
                attrs += ' cancelActivity="%s" attachedToRef="%s"' % ("true" if n["cancel"] else "false", n["attached"])
            attrs += n["attrs"]
            out.append('    <bpmn:%s%s>' % (n["kind"], attrs))
            if n["ext"]:
                out.append('      <bpmn:extensionElements>%s</bpmn:extensionElements>' % n["ext"])
            for f in n["inc"]:
                out.append('      <bpmn:incoming>%s</bpmn:incoming>' % f)
            for f in n["out"]:
                out.append('      <bpmn:outgoing>%s</bpmn:outgoing>' % f)
            if n["kind"] == "boundaryEvent" and n.get("message"):
                out.append('      <bpmn:messageEventDefinition id="%s_def" messageRef="Message_%s"/>' % (nid, n["message"][0]))
            elif n["kind"] == "boundaryEvent" and n.get("error"):
                out.append('      <bpmn:errorEventDefinition id="%s_def" errorRef="Error_%s"/>' % (nid, n["error"]))
            elif n["kind"] == "boundaryEvent":
                kind, expr = n["timer"]
                out.append('      <bpmn:timerEventDefinition id="%s_def"><bpmn:%s xsi:type="bpmn:tFormalExpression">%s</bpmn:%s></bpmn:timerEventDefinition>'
                           % (nid, kind, escape(expr), kind))
            if n["inner"]:
                out.append('      ' + n["inner"])
            out.append('    </bpmn:%s>' % n["kind"])
        for f in self.flows:
            name = ' name=%s' % quoteattr(f["name"]) if f["name"] else ""
            if f["cond"]:
                out.append('    <bpmn:sequenceFlow id="%s"%s sourceRef="%s" targetRef="%s">' % (f["id"], name, f["src"], f["dst"]))
                out.append('      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression>' % escape(f["cond"]))
                out.append('    </bpmn:sequenceFlow>')
            else:
                out.append('    <bpmn:sequenceFlow id="%s"%s sourceRef="%s" targetRef="%s"/>' % (f["id"], name, f["src"], f["dst"]))
        out.append('  </bpmn:process>')
        for name, key in self.messages.items():
            if key is None:   # a message start event: no subscription
                out.append('  <bpmn:message id="Message_%s" name="%s"/>' % (name, name))
            else:
                out.append('  <bpmn:message id="Message_%s" name="%s"><bpmn:extensionElements><zeebe:subscription correlationKey=%s/></bpmn:extensionElements></bpmn:message>'
                           % (name, name, quoteattr(key)))
        for code in self.errors:
            out.append('  <bpmn:error id="Error_%s" name="%s" errorCode="%s"/>' % (code, code, code))
        out.append('  <bpmndi:BPMNDiagram id="Diagram_%s">' % self.pid)
        out.append('    <bpmndi:BPMNPlane id="Plane_%s" bpmnElement="Collaboration_%s">' % (self.pid, self.pid))
        out.append('      <bpmndi:BPMNShape id="Participant_%s_di" bpmnElement="Participant_%s" isHorizontal="true">'
                   '<dc:Bounds x="%d" y="60" width="%d" height="%d"/></bpmndi:BPMNShape>' % (self.pid, self.pid, LANE_X, width, height))
        for lane in self.lanes:
            out.append('      <bpmndi:BPMNShape id="%s_di" bpmnElement="%s" isHorizontal="true"><dc:Bounds x="%d" y="%d" width="%d" height="%d"/></bpmndi:BPMNShape>'
                       % (lane["id"], lane["id"], LANE_X + POOL_LABEL_W, lane["y"], width - POOL_LABEL_W, lane["h"]))
        for nid in self.order:
            n = self.nodes[nid]
            x, y, w, h = geo[nid]
            marker = ' isMarkerVisible="true"' if n["kind"] == "exclusiveGateway" else ""
            label = ""
            if n["kind"] in ("startEvent", "endEvent", "exclusiveGateway", "parallelGateway", "boundaryEvent",
                             "intermediateCatchEvent") and n["name"]:
                label = '<bpmndi:BPMNLabel><dc:Bounds x="%d" y="%d" width="90" height="40"/></bpmndi:BPMNLabel>' % (x + w / 2 - 45, y + h + 4)
            out.append('      <bpmndi:BPMNShape id="%s_di" bpmnElement="%s"%s><dc:Bounds x="%d" y="%d" width="%d" height="%d"/>%s</bpmndi:BPMNShape>'
                       % (nid, nid, marker, x, y, w, h, label))
        for f in self.flows:
            pts = "".join('<di:waypoint x="%d" y="%d"/>' % p for p in self._waypoints(f, geo))
            out.append('      <bpmndi:BPMNEdge id="%s_di" bpmnElement="%s">%s</bpmndi:BPMNEdge>' % (f["id"], f["id"], pts))
        out.append('    </bpmndi:BPMNPlane>')
        out.append('  </bpmndi:BPMNDiagram>')
        out.append('</bpmn:definitions>')
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("\n".join(out) + "\n")


def service(job_type, retries=3, headers=None):
    h = "".join('<zeebe:header key=%s value=%s/>' % (quoteattr(k), quoteattr(v)) for k, v in (headers or {}).items())
    return '<zeebe:taskDefinition type="%s" retries="%d"/>%s' % (job_type, retries, '<zeebe:taskHeaders>%s</zeebe:taskHeaders>' % h if h else "")


def call(process_id, inputs=None, outputs=None):
    """A call activity: only the listed variables go in and come out (case data stays in our tables)."""
    io = "".join('<zeebe:input source=%s target="%s"/>' % (quoteattr(src), t) for t, src in (inputs or {}).items())
    io += "".join('<zeebe:output source=%s target="%s"/>' % (quoteattr(src), t) for t, src in (outputs or {}).items())
    return ('<zeebe:calledElement processId="%s" propagateAllChildVariables="false" propagateAllParentVariables="false"/>%s'
            % (process_id, '<zeebe:ioMapping>%s</zeebe:ioMapping>' % io if io else ""))


def user_task(form_id, candidate_groups, due=None):
    due_xml = '<zeebe:taskSchedule dueDate=%s/>' % quoteattr(due) if due else ""
    return ('<zeebe:formDefinition formId="%s"/><zeebe:assignmentDefinition candidateGroups=%s/>%s'
            '<zeebe:taskHeaders><zeebe:header key="formId" value="%s"/></zeebe:taskHeaders>'
            % (form_id, quoteattr(candidate_groups), due_xml, form_id))
