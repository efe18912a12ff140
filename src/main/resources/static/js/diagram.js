// Renders each [data-bpmn] element with the bpmn-js viewer and marks active and completed steps.
// Its <figure> caption names the active steps in text.
(function () {
  document.querySelectorAll('[data-bpmn]').forEach(function (el) {
    var viewer = new BpmnJS({ container: el });
    fetch(el.getAttribute('data-bpmn'), { credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        canvas.zoom('fit-viewport');
        [['data-done', 'done'], ['data-active', 'active']].forEach(function (pair) {
          (el.getAttribute(pair[0]) || '').split(',').forEach(function (id) {
            if (id && registry.get(id)) { canvas.addMarker(id, pair[1]); }
          });
        });
        // The drawing repeats what the caption and the task table say in text: hidden from assistive technology.
        // The bpmn.io link (required by its licence) stays a normal, named link.
        el.querySelectorAll('.djs-container > svg').forEach(function (s) {
          s.setAttribute('aria-hidden', 'true'); s.setAttribute('focusable', 'false');
        });
      })
      .catch(function () { el.classList.add('diagram-failed'); });
  });
})();
