package no.siva.programflyt.tasks;

import java.io.IOException;
import java.io.InputStream;
import no.siva.programflyt.processes.BpmnModels;
import no.siva.programflyt.shared.NotFoundException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The deployed BPMN files, for the diagram on case pages (models are not secret; cases are). */
@Controller
class ProcessDiagramController {

    private final BpmnModels models;

    public ProcessDiagramController(BpmnModels models) {
        this.models = models;
    }

    @GetMapping("/processes/{processId}.bpmn")
    public ResponseEntity<byte[]> diagram(@PathVariable String processId) throws IOException {
        if (!models.processNames().containsKey(processId)) {
            throw new NotFoundException("process " + processId);
        }
        ClassPathResource file = new ClassPathResource("processes/" + processId + ".bpmn");
        if (!file.exists()) {
            throw new NotFoundException("process " + processId);
        }
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(in.readAllBytes());
        }
    }
}
