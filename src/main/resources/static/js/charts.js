// Draws each <canvas data-chart="{...}"> with Chart.js; the table beside each chart holds the same figures.
document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
  var spec = JSON.parse(canvas.dataset.chart);
  var palette = ['#00509e', '#c26e00', '#5b5b5b', '#2e7d32'];
  spec.datasets.forEach(function (d, i) { d.backgroundColor = palette[i % palette.length]; });
  new Chart(canvas, {
    type: spec.type,
    data: { labels: spec.labels, datasets: spec.datasets },
    options: {
      animation: false,
      responsive: true,
      scales: { x: { stacked: !!spec.stacked }, y: { stacked: !!spec.stacked, beginAtZero: true, ticks: { precision: 0 } } }
    }
  });
});
