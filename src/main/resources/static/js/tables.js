// A wide table scrolls inside its own box (.table-scroll), never the page. Where it does scroll and holds nothing a
// keyboard can reach, the box itself takes the focus (arrow keys scroll it) and is named after its table (WCAG 2.1.1).
(function () {
  function label(box) {
    var caption = box.querySelector('caption');
    var heading = box.previousElementSibling;
    return (caption && caption.textContent.trim())
        || (heading && /^H[1-6]$/.test(heading.tagName) && heading.textContent.trim())
        || (document.documentElement.lang === 'en' ? 'Table' : 'Tabell');
  }
  function mark() {
    document.querySelectorAll('.table-scroll').forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      var reachable = box.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])');
      if (scrolls && !reachable) {
        box.setAttribute('tabindex', '0');
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', label(box));
      } else if (box.getAttribute('role') === 'region') {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
        box.removeAttribute('aria-label');
      }
    });
  }
  mark();
  window.addEventListener('resize', mark);
})();
