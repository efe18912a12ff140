package no.siva.programflyt.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 23, point 7: a task of a called process marks, in the case's own diagram, the call activity that leads to it
 * (a target company's yearly development dialogue is inside «aktivt år»); today's tasks of the process itself mark
 * themselves; a process the diagram does not lead to marks nothing.
 */
class CaseDiagramTest {

    @Test
    void aTaskInACalledProcessMarksItsCallActivity() {
        assertThat(CaseDiagram.elementIn("target-company-lifecycle", "target-company-active-year", "utviklingssamtale"))
                .isEqualTo("aktivt-ar");
        assertThat(CaseDiagram.elementIn("target-company-lifecycle", "target-company-admission", "kartlegge-behov"))
                .isEqualTo("opptak");
        assertThat(CaseDiagram.elementIn("annual-reporting-calendar", "reporting-obligation", "levere"))
                .isNotNull().isNotEqualTo("levere");
    }

    @Test
    void aTaskOfTheProcessItselfMarksItself_andAnUnrelatedProcessNothing() {
        assertThat(CaseDiagram.elementIn("operator-admission", "operator-admission", "fylkets-vedtak")).isEqualTo("fylkets-vedtak");
        assertThat(CaseDiagram.elementIn("operator-admission", null, "fylkets-vedtak")).isEqualTo("fylkets-vedtak");
        assertThat(CaseDiagram.elementIn("operator-admission", "target-company-active-year", "utviklingssamtale")).isNull();
    }
}
