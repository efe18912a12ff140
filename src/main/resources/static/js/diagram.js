// Renders each [data-bpmn] element with the bpmn-js navigated viewer (drag to move, Ctrl + scroll to zoom) and marks
// the active and completed steps. Buttons above the drawing zoom in, out and back to the whole process (keyboard use).
// Its <figure> caption names the active steps in text.
(function () {
  var lang = document.documentElement.lang === 'en' ? 'en' : 'nb';
  var labels = lang === 'en' ? { zoomIn: 'Zoom in', zoomOut: 'Zoom out', fit: 'Whole process', group: 'Diagram zoom',
                                 diagram: 'Process diagram: move with the arrow keys, described in the caption below' }
                             : { zoomIn: 'Forstørr', zoomOut: 'Forminsk', fit: 'Hele prosessen', group: 'Forstørring av diagrammet',
                                 diagram: 'Prosessdiagram: flytt med piltastene, beskrevet i teksten under' };
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
        // On a narrow screen the whole process is too small to read: show the active step at a readable size
        // ("Hele prosessen" shows all of it).
        var active = (el.getAttribute('data-active') || '').split(',').filter(function (id) { return id && registry.get(id); });
        if (el.clientWidth < 700 && active.length && canvas.zoom() < 0.6) {
          canvas.zoom(0.8);
          canvas.scrollToElement(registry.get(active[0]), { top: 60, bottom: 60, left: 40, right: 40 });
        }
        var bar = document.createElement('div');
        bar.className = 'diagram-zoom';
        bar.setAttribute('role', 'group');
        bar.setAttribute('aria-label', labels.group);
        [[labels.zoomIn, function () { canvas.zoom(canvas.zoom() * 1.25); }],
         [labels.zoomOut, function () { canvas.zoom(canvas.zoom() / 1.25); }],
         [labels.fit, function () { canvas.zoom('fit-viewport'); }]].forEach(function (b) {
          var button = document.createElement('button');
          button.type = 'button';
          button.className = 'ds-button';
          button.setAttribute('data-variant', 'secondary');
          button.setAttribute('data-size', 'sm');
          button.textContent = b[0];
          button.addEventListener('click', b[1]);
          bar.appendChild(button);
        });
        el.parentNode.insertBefore(bar, el);
        // The drawing is one image to assistive technology (its caption and the task table say in text what it
        // shows); it keeps the viewer's keyboard focus, so that the arrow keys move it. The bpmn.io link (required by
        // its licence) stays a normal, named link.
        el.querySelectorAll('.djs-container > svg').forEach(function (s) {
          s.setAttribute('role', 'img');
          s.setAttribute('aria-label', labels.diagram);
        });
      })
      .catch(function () { el.classList.add('diagram-failed'); });
  });
})();
